import { spawn } from 'node:child_process';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lockDataDir } from '../../src/store/data-dir-lock.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { useTempStore } from './store-test-kit.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs `fixtures/open-store.ts` on `dataDir` in a child process and returns what it printed. */
function openInChild(dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const script = path.join(here, 'fixtures/open-store.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { cwd: path.join(here, '../..') });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

describe('data directory lock', () => {
  const temp = useTempStore();

  test('when a second store in the same process opens the same directory, then it is refused in Swedish and English', async () => {
    // given
    const second = createLowdbStore(temp.dir);
    // when
    const opening = second.open();
    // then
    await expect(opening).rejects.toThrow(/Datakatalogen används redan av en annan process.*already in use/s);
    await expect(temp.store.instances.listSummaries()).resolves.toEqual([]);
  });

  test('when another process opens the same directory, then it is refused', async () => {
    // given: the first store holds the lock
    // when
    const output = await openInChild(temp.dir);
    // then
    expect(output).toMatch(/^REFUSED Datakatalogen används redan av en annan process/);
  });

  test('when the owner closes the store, then another process can open the directory', async () => {
    // given
    await temp.store.close();
    // when
    const output = await openInChild(temp.dir);
    // then
    expect(output).toBe('OPENED');
  });

  test('when the owner is alive but has not touched its lock for a minute (paused), then the lock is not taken from it', async () => {
    // given: a lock last touched a minute ago whose owner is a process that runs (this test's parent)
    await temp.store.close();
    const dir = path.join(temp.dir, 'paused');
    await mkdir(path.join(dir, 'store.lock'), { recursive: true });
    await writeFile(path.join(dir, 'store.lock.owner.json'), JSON.stringify({ pid: process.ppid, host: os.hostname(), processStartedAt: 0 }));
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(path.join(dir, 'store.lock'), aMinuteAgo, aMinuteAgo);
    // when
    const taking = lockDataDir(dir);
    // then
    await expect(taking).rejects.toThrow(new RegExp(`används redan av en annan process \\(pid ${process.ppid} `));
  });
});
