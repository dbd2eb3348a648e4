// The README's production start: NODE_ENV=production with a user added by `npm run users`, as an operator would do it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

let dataDir: string | null = null;
let server: ChildProcess | null = null;
afterEach(async () => {
  server?.kill('SIGKILL');
  server = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = null;
});

function run(args: string[], env: NodeJS.ProcessEnv, input: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('close', resolve);
    child.stdin.end(input);
  });
}

/** Starts `src/server.ts` as `npm start` does and resolves with its address once it listens. */
function startServer(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (address) resolve(address);
    });
    server.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    server.on('close', (code) => reject(new Error(`the server stopped (${code}): ${err}`)));
  });
}

const basic = (name: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` });

describe('production start', () => {
  test('when the operator adds a user and starts with NODE_ENV=production, then that user signs in, the demo admin does not, and no demo case exists', async () => {
    // given
    dataDir = await mkdtemp(path.join(tmpdir(), 'bk-prod-'));
    const added = await run(['scripts/users.ts', 'add', 'anna.berg', '--roles', 'enhetschef', '--name', 'Anna Berg'], { DATA_DIR: dataDir }, 'ett långt lösenord\n');
    // when
    const base = await startServer({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', SESSION_KEY: randomBytes(32).toString('hex'), DEMO: '' });
    const asAnna = await fetch(`${base}/api/instances`, { headers: basic('anna.berg', 'ett långt lösenord') });
    const asDemoAdmin = await fetch(`${base}/api/instances`, { headers: basic('admin', 'demo') });
    // then
    expect(added).toBe(0);
    expect(asAnna.status).toBe(200);
    expect(await asAnna.json()).toEqual([]);
    expect(asDemoAdmin.status).toBe(401);
  }, 60_000);
});
