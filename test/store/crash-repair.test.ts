import { appendFile, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { makeDocument, makeEntry, useTempStore } from './store-test-kit.js';

const longAgo = new Date('2020-01-01T00:00:00Z');

describe('crash repair on open', () => {
  const temp = useTempStore();
  beforeEach(async () => {
    await temp.store.instances.save(makeDocument('case-1', 1), null);
    await temp.store.close();
  });

  const file = (name: string) => path.join(temp.dir, name);

  /**
   * What a crash after the commit point leaves: the document of rev 2 stored, history and summary still at rev 1,
   * both files stamped in the same timestamp tick so only their contents can tell them apart.
   */
  async function crashAfterDocumentOfRev2(): Promise<void> {
    await writeFile(file('instances/case-1.json'), JSON.stringify(makeDocument('case-1', 2)), { mode: 0o600 });
    await utimes(file('instances/case-1.json'), longAgo, longAgo);
    await utimes(file('instances/case-1.summary.json'), longAgo, longAgo);
  }

  /** A new store on the data directory, opened (the one before is closed). */
  const openAgain = () => temp.reopen();

  test('when the summary file is missing, then open rewrites it from the document', async () => {
    // given
    await rm(file('instances/case-1.summary.json'));
    // when
    const reopened = await openAgain();
    // then
    expect(await reopened.instances.listSummaries()).toEqual([makeDocument('case-1', 1).summary]);
  });

  test('when the crash came after the document, then open appends the missing history entries and updates the summary', async () => {
    // given
    await crashAfterDocumentOfRev2();
    // when
    const reopened = await openAgain();
    // then
    expect((await reopened.instances.history('case-1')).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect((await reopened.instances.listSummaries()).map((s) => s.rev)).toEqual([2]);
    await expect(reopened.instances.save(makeDocument('case-1', 3), 2)).resolves.toBeUndefined();
  });

  test('when the crash tore the last history line, then open cuts it and appends the entries whole', async () => {
    // given
    await crashAfterDocumentOfRev2();
    await appendFile(file('history/case-1.jsonl'), '{"seq":3,"at":"2026-01');
    // when
    const reopened = await openAgain();
    // then
    const text = await readFile(file('history/case-1.jsonl'), 'utf8');
    const seqs = text.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs).toEqual([1, 2, 3, 4]);
    expect((await reopened.instances.listSummaries()).map((s) => s.rev)).toEqual([2]);
  });

  test('when the history ends in a torn line but the summary is current, then the next save replaces the torn line', async () => {
    // given
    await appendFile(file('history/case-1.jsonl'), '\0\0\0\0');
    const reopened = await openAgain();
    expect((await reopened.instances.history('case-1')).map((e) => e.seq)).toEqual([1, 2]);
    // when
    await reopened.instances.save(makeDocument('case-1', 2), 1);
    const history = await reopened.instances.history('case-1');
    // then
    expect(await readFile(file('history/case-1.jsonl'), 'utf8')).not.toContain('\0');
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  test('when a summary file is damaged, then listing rebuilds it from the document', async () => {
    // given
    await writeFile(file('instances/case-1.summary.json'), '\0\0\0');
    const reopened = await openAgain();
    // when
    const summaries = await reopened.instances.listSummaries();
    // then
    expect(summaries).toEqual([makeDocument('case-1', 1).summary]);
    const rewritten: unknown = JSON.parse(await readFile(file('instances/case-1.summary.json'), 'utf8'));
    expect(rewritten).toEqual(makeDocument('case-1', 1).summary);
  });

  test('when a crash left temp files behind, then open removes them and keeps the real files', async () => {
    // given
    await writeFile(file('instances/.case-1.json.123.abc.tmp'), '{"half');
    await writeFile(file('.settings.json.123.abc.tmp'), '{');
    // when
    await openAgain();
    // then
    expect((await readdir(file('instances'))).sort()).toEqual(['case-1.json', 'case-1.summary.json']);
    expect(await readdir(temp.dir)).not.toContain('.settings.json.123.abc.tmp');
  });

  test('when a document newer than its summary is corrupt, then open refuses and leaves the file as it is', async () => {
    // given
    await writeFile(file('instances/case-1.json'), '{"summary":');
    await utimes(file('instances/case-1.summary.json'), longAgo, longAgo);
    // when
    const opening = openAgain();
    // then
    await expect(opening).rejects.toThrow(file('instances/case-1.json'));
    expect(await readFile(file('instances/case-1.json'), 'utf8')).toBe('{"summary":');
    await expect(openAgain()).rejects.toThrow(/skadad/);
  });

  test('when the crash came after a culled stub was stored, then open takes the values out of the whole history', async () => {
    // given: history entries with values, then the stub of rev 2 stored and nothing after it
    await writeFile(file('history/case-1.jsonl'), [1, 2].map((seq) => JSON.stringify({ ...makeEntry(seq), data: { brukare: 'Anna' } }) + '\n').join(''));
    const stub = makeDocument('case-1', 2);
    stub.summary = { ...stub.summary, variables: {}, state: 'completed', culled: { at: '2032-01-01T00:00:00.000Z', by: 'admin', rule: 'sol-personakt' } };
    stub.lastEntries = [{ ...makeEntry(3, 'case.culled'), data: { rule: 'sol-personakt' } }];
    await writeFile(file('instances/case-1.json'), JSON.stringify(stub), { mode: 0o600 });
    await utimes(file('instances/case-1.json'), longAgo, longAgo);
    await utimes(file('instances/case-1.summary.json'), longAgo, longAgo);
    // when
    const reopened = await openAgain();
    // then
    expect(await readFile(file('history/case-1.jsonl'), 'utf8')).not.toContain('Anna');
    expect((await reopened.instances.history('case-1')).map((e) => [e.seq, e.type, e.data])).toEqual([
      [1, 'activity.enter', null],
      [2, 'activity.enter', null],
      [3, 'case.culled', { rule: 'sol-personakt' }],
    ]);
  });
});
