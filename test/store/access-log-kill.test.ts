import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { useTempDir } from './store-test-kit.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts `fixtures/access-log-writer.ts` at `first`, SIGKILLs it once it acknowledged `killAfter`; the last ACKed n. */
function appendUntilKilled(dataDir: string, first: number, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const script = path.join(here, 'fixtures/access-log-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(first)], { cwd: path.join(here, '../..') });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (new RegExp(`^ACK ${killAfter}$`, 'm').test(out)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer stopped by itself: ${err}`));
      resolve(Math.max(...[...out.matchAll(/^ACK (\d+)$/gm)].map((m) => Number(m[1]))));
    });
  });
}

describe('access log under kill -9', () => {
  const temp = useTempDir();

  test('when the writer is killed while months roll over, then every acknowledged read is listed once, in order', async () => {
    let next = 0;
    for (const killAfter of [45, 100]) {
      // given
      const acked = await appendUntilKilled(temp.dir, next, killAfter);
      // when
      const store = createLowdbStore(temp.dir);
      await store.open();
      const ns = (await store.accessLog.readAll()).map((r) => Number((r as { instanceId: string }).instanceId.slice(5)));
      await store.close();
      // then: nothing acknowledged lost, nothing twice, and at most the one unacknowledged append beyond
      expect(ns.slice(0, acked + 1)).toEqual(Array.from({ length: acked + 1 }, (_, n) => n));
      expect(ns.length).toBeLessThanOrEqual(acked + 2);
      next = ns.length;
    }
    expect((await readdir(path.join(temp.dir, 'audit'))).filter((name) => /^access-\d{4}-\d{2}\.jsonl$/.test(name)).length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
