import { readdir } from 'node:fs/promises';
import { describe, expect, test, vi } from 'vitest';
import { RotatingJournalFile } from '../../src/store/rotating-journal-file.js';
import { useTempDir } from './store-test-kit.js';

// Lets a test act between a read's listing of the segments and its opening of them.
const afterListing = vi.hoisted(() => ({ once: null as null | (() => Promise<void>) }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    readdir: async (...args: Parameters<typeof actual.readdir>) => {
      const names = await actual.readdir(...args);
      const act = afterListing.once;
      afterListing.once = null;
      await act?.();
      return names;
    },
  };
});

const open = { readable() {}, writable() {} };
const read = (at: string, n: number) => ({ at, n });

describe('RotatingJournalFile under a sealing', () => {
  const temp = useTempDir();

  test('when a sealing renames the current file after a read listed the files, then the read lists again and misses nothing', async () => {
    // given
    const journal = new RotatingJournalFile(temp.dir, 'access', open);
    const january = read('2027-01-20T10:00:00.000Z', 1);
    const february = read('2027-02-01T10:00:00.000Z', 2);
    await journal.append([january]);
    afterListing.once = () => journal.append([february]);
    // when
    const found = await journal.readAll();
    // then
    expect(found).toEqual([january, february]);
    expect((await readdir(temp.dir)).sort()).toEqual(['access-2027-01.jsonl', 'access.jsonl']);
  });
});
