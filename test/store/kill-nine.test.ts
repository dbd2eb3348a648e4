import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { useTempDir } from './store-test-kit.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ids = ['case-a', 'case-b', 'case-c', 'case-d'];
const rounds = 5;

/** Starts `fixtures/kill-writer.ts`, SIGKILLs it 200–800 ms after it is ready, returns the last ACKed rev per id. */
function writeUntilKilled(dataDir: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const script = path.join(here, 'fixtures/kill-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, ...ids], { cwd: path.join(here, '../..') });
    const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (!out.includes('READY\n') && (out + chunk.toString()).includes('READY\n')) {
        setTimeout(() => child.kill('SIGKILL'), 200 + Math.random() * 600);
      }
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(stuck);
      if (signal !== 'SIGKILL') return reject(new Error(`writer stopped by itself: ${err}`));
      const acked = new Map<string, number>();
      for (const match of out.matchAll(/^ACK (\S+) (\d+)$/gm)) acked.set(match[1]!, Number(match[2]));
      resolve(acked);
    });
  });
}

describe('store under kill -9', () => {
  const temp = useTempDir();

  test('when the writer is killed mid-save again and again, then every acknowledged transition survives whole', async () => {
    const lastAck = new Map<string, number>();
    for (let round = 0; round < rounds; round++) {
      // given
      for (const [id, rev] of await writeUntilKilled(temp.dir)) lastAck.set(id, rev);
      expect(lastAck.size).toBeGreaterThan(0);
      // when
      const store = createLowdbStore(temp.dir);
      await store.open();
      // then
      const summaries = new Map((await store.instances.listSummaries()).map((s) => [s.id, s]));
      for (const id of ids) {
        const doc = await store.instances.load(id);
        const acked = lastAck.get(id);
        if (acked === undefined && doc === null) continue;
        expect(doc, id).not.toBeNull();
        expect(doc!.summary.rev, id).toBeGreaterThanOrEqual(acked ?? 0);
        expect(summaries.get(id)?.rev, id).toBe(doc!.summary.rev);
        const seqs = (await store.instances.history(id)).map((entry) => entry.seq);
        expect(seqs, id).toEqual(Array.from({ length: 2 * doc!.summary.rev }, (_, i) => i + 1));
      }
      await store.close();
    }
  }, 90_000); // many child processes: a loaded machine takes longer, and the check is not about time
});
