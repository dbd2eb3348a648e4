// Boot repair redoes a transition when its summary is behind its document, so a summary must never be written before
// the history it follows: a kill between the two would otherwise leave history entries out for good.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { makeDocument, useTempStore } from './store-test-kit.js';

const historyGate = vi.hoisted(() => {
  let release: (() => void) | null = null;
  return {
    hold(): void {
      this.closed = new Promise<void>((resolve) => (release = resolve));
    },
    open(): void {
      release?.();
    },
    closed: Promise.resolve() as Promise<void>,
  };
});

vi.mock('../../src/store/history-file.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/store/history-file.js')>();
  return {
    ...real,
    appendHistory: async (...args: Parameters<typeof real.appendHistory>) => {
      await historyGate.closed;
      return real.appendHistory(...args);
    },
  };
});

const summaryRev = async (file: string): Promise<number> => (JSON.parse(await readFile(file, 'utf8')) as { rev: number }).rev;

describe('the order of a save\'s writes', () => {
  const temp = useTempStore();

  test('when the history of a stored transition is not yet written, then its summary is not written either', async () => {
    // given: a case at rev 1, and a history write that does not finish yet
    await temp.store.instances.save(makeDocument('case-1', 1), null);
    await temp.store.instances.history('case-1'); // reads queue behind the instance's writes
    historyGate.hold();
    // when: rev 2 is stored
    await temp.store.instances.save(makeDocument('case-1', 2), 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // then: the summary still says rev 1 until the history is written
    const summaryFile = path.join(temp.dir, 'instances', 'case-1.summary.json');
    expect(await summaryRev(summaryFile)).toBe(1);
    historyGate.open();
    expect((await temp.store.instances.history('case-1')).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(await summaryRev(summaryFile)).toBe(2);
  });
});
