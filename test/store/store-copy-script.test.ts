// `npm run store:copy` as the person at the terminal runs it: a child process, its exit code and what it prints — and
// never the password of the database address, whatever went wrong.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../postgres/test-database.js';
import { startBeslut, startTestApp } from '../web/test-app.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const password = 'Hemligt-lösen-42';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the script with DATABASE_URL in its environment, as `npm run store:copy -- <args>` does. */
function storeCopy(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const inherited = { ...process.env };
  delete inherited.DATA_DIR;
  delete inherited.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/store-copy.ts', ...args], { cwd: repoRoot, env: { ...inherited, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The test database's address with a password in it (the test cluster trusts its socket, so it is not checked). */
function withPassword(database: TestDatabase): string {
  return database.url.replace('://postgres@', `://postgres:${encodeURIComponent(password)}@`);
}

describe('npm run store:copy', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function stoppedDataDir(): Promise<string> {
    const t = await startTestApp();
    cleanups.push(() => rm(path.dirname(t.dataDir), { recursive: true, force: true }));
    await startBeslut(t, 'KS-9');
    await t.app.close();
    return t.dataDir;
  }

  test('when a stopped server’s data directory is copied into an empty database, then it exits 0 with the summary; run again, it is refused and exits 1', async () => {
    // given
    const dataDir = await stoppedDataDir();
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const env = { DATABASE_URL: withPassword(database) };
    // when
    const first = await storeCopy(['--from', 'lowdb', '--to', 'postgres', '--data-dir', dataDir], env);
    const second = await storeCopy(['--from', 'lowdb', '--to', 'postgres', '--data-dir', dataDir], env);
    // then
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Ärenden: 1 av 1');
    expect(first.stdout).toContain('Klart: kopian är kontrollerad');
    expect(first.stdout).toContain('  ärenden: 1 (historikposter: ');
    expect(first.stdout).toContain('  processversioner: 1');
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^Avbrutet: Databasen är inte tom \(1 ärende, /);
    expect(`${first.stdout}${second.stdout}${second.stderr}`).not.toContain(password);
    expect(`${first.stdout}${second.stdout}`).not.toContain('KS-9');
  });

  test('when the database cannot be reached, then it exits 1 with the reason and without the password', async () => {
    // given
    const dataDir = await stoppedDataDir();
    // when
    const run = await storeCopy(['--from', 'lowdb', '--to', 'postgres', '--data-dir', dataDir, '--database-url', `postgresql://postgres:${password}@/nowhere?host=${encodeURIComponent(path.join(dataDir, 'no-socket'))}`]);
    // then
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Avbrutet: PostgreSQL-databasen kunde inte öppnas (DATABASE_URL)');
    expect(run.stderr).toContain('Ingenting har kopierats.');
    expect(`${run.stdout}${run.stderr}`).not.toContain(password);
  });

  test('when the arguments name another direction, then it exits 2 with what is wrong and the usage, without the address', async () => {
    // when
    const run = await storeCopy(['--from', 'postgres', '--to', 'lowdb', '--database-url', `postgres://u:${password}@db/x`]);
    // then
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from: bara --from lowdb --to postgres går att kopiera');
    expect(run.stderr).toContain('Användning:');
    expect(`${run.stdout}${run.stderr}`).not.toContain(password);
  });
});
