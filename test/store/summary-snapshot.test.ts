import { access, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeDocument, useTempStore } from './store-test-kit.js';

const longAgo = new Date('2020-01-01T00:00:00Z');

describe('the summary snapshot of a clean close', () => {
  const temp = useTempStore();
  const file = (name: string) => path.join(temp.dir, name);
  const exists = (name: string) => access(file(name)).then(() => true, () => false);
  const snapshotFile = 'instances.snapshot.jsonl';

  /** Two cases stored and listed (as every boot lists them), then the store closed cleanly. */
  async function storeTwoCasesAndClose(): Promise<void> {
    await temp.store.instances.save(makeDocument('case-1', 1), null);
    await temp.store.instances.save(makeDocument('case-1', 2), 1);
    await temp.store.instances.save(makeDocument('case-2', 1), null);
    await temp.store.instances.listSummaries();
    await temp.store.close();
  }

  test('when the store was closed cleanly, then the next open lists every summary as stored and takes the snapshot away', async () => {
    // given
    await storeTwoCasesAndClose();
    expect(await exists(snapshotFile)).toBe(true);
    // when
    const reopened = await temp.reopen();
    // then
    expect(await exists(snapshotFile)).toBe(false);
    const summaries = await reopened.instances.listSummaries();
    expect(summaries.sort((a, b) => a.id.localeCompare(b.id))).toEqual([makeDocument('case-1', 2).summary, makeDocument('case-2', 1).summary]);
    expect(await reopened.instances.listSummaries()).toHaveLength(2);
  });

  test('when a store opened from a snapshot saves and closes, then the next open lists the saved revs', async () => {
    // given
    await storeTwoCasesAndClose();
    const reopened = await temp.reopen();
    await reopened.instances.save(makeDocument('case-2', 2), 1);
    await reopened.instances.save(makeDocument('case-3', 1), null);
    // when
    const again = await temp.reopen();
    // then
    const revs = (await again.instances.listSummaries()).map((s) => [s.id, s.rev]).sort();
    expect(revs).toEqual([['case-1', 2], ['case-2', 2], ['case-3', 1]]);
  });

  test('when a case was stored after the close and no summary followed (a later crash), then open repairs it instead', async () => {
    // given: the document of rev 3 renamed into place, as a save does, with history and summary still at rev 2
    await storeTwoCasesAndClose();
    await writeFile(file('instances/.case-1.json.1.x.tmp'), JSON.stringify(makeDocument('case-1', 3)), { mode: 0o600 });
    await rename(file('instances/.case-1.json.1.x.tmp'), file('instances/case-1.json'));
    await utimes(file('instances/case-1.json'), longAgo, longAgo);
    await utimes(file('instances/case-1.summary.json'), longAgo, longAgo);
    // when
    const reopened = await temp.reopen();
    // then
    expect((await reopened.instances.listSummaries()).find((s) => s.id === 'case-1')?.rev).toBe(3);
    expect((await reopened.instances.history('case-1')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('when the snapshot is damaged, then open lists the cases from their files', async () => {
    // given
    await storeTwoCasesAndClose();
    const text = await readFile(file(snapshotFile), 'utf8');
    await writeFile(file(snapshotFile), text.slice(0, text.length - 20));
    // when
    const reopened = await temp.reopen();
    // then
    expect((await reopened.instances.listSummaries()).map((s) => [s.id, s.rev]).sort()).toEqual([['case-1', 2], ['case-2', 1]]);
  });

  test('when a store that never listed its cases closes, then it leaves no snapshot that would miss the earlier ones', async () => {
    // given: case-1 stored by a run that left no snapshot
    await temp.store.instances.save(makeDocument('case-1', 1), null);
    await temp.store.close();
    await rm(file(snapshotFile), { force: true });
    const reopened = await temp.reopen();
    await reopened.instances.save(makeDocument('case-2', 1), null);
    // when
    await reopened.close();
    // then
    expect(await exists(snapshotFile)).toBe(false);
    const again = await temp.reopen();
    expect((await again.instances.listSummaries()).map((s) => s.id).sort()).toEqual(['case-1', 'case-2']);
  });

  test('when close is called twice at once, then both calls resolve and the next open lists from the snapshot', async () => {
    // given
    await temp.store.instances.save(makeDocument('case-1', 1), null);
    await temp.store.instances.listSummaries();
    // when
    await Promise.all([temp.store.close(), temp.store.close()]);
    // then
    expect(await exists(snapshotFile)).toBe(true);
    const reopened = await temp.reopen();
    expect((await reopened.instances.listSummaries()).map((s) => s.id)).toEqual(['case-1']);
  });
});
