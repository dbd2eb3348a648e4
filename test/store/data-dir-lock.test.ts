import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
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
});
