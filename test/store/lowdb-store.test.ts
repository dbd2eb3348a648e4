import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { StaleRevisionError, type DefinitionVersion } from '../../src/engine/records/index.js';
import { makeDocument, makeEntry, useTempStore } from './store-test-kit.js';

describe('createLowdbStore', () => {
  const temp = useTempStore();

  test('when instances are saved, then a reopened store loads them, lists their summaries and keeps the files private', async () => {
    // given
    await temp.store.instances.save(makeDocument('case-1', 1), null);
    await temp.store.instances.save(makeDocument('case-1', 2), 1);
    await temp.store.instances.save(makeDocument('case_2', 1), null);
    // when
    const reopened = await temp.reopen();
    // then
    expect(await reopened.instances.load('case-1')).toEqual(makeDocument('case-1', 2));
    expect(await reopened.instances.load('nobody')).toBeNull();
    const summaries = await reopened.instances.listSummaries();
    expect(summaries.map((s) => [s.id, s.rev]).sort()).toEqual([['case-1', 2], ['case_2', 1]]);
    expect(summaries.find((s) => s.id === 'case-1')).toEqual(makeDocument('case-1', 2).summary);
    for (const file of ['instances/case-1.json', 'instances/case-1.summary.json', 'history/case-1.jsonl']) {
      expect((await stat(path.join(temp.dir, file))).mode & 0o777).toBe(0o600);
    }
  });

  test('when definitions and settings are stored, then a reopened store returns them', async () => {
    // given
    const version: DefinitionVersion = {
      key: 'korttidsvistelse-lss',
      version: 1,
      name: 'Korttidsvistelse',
      hash: 'abc',
      deployedAt: '2026-01-01T00:00:00.000Z',
      deployedBy: 'admin',
    };
    await temp.store.definitions.add(version, '<definitions>å</definitions>');
    await temp.store.definitions.add({ ...version, version: 2, hash: 'def' }, '<definitions>v2</definitions>');
    await temp.store.settings.set('demoSeeded', { at: '2026-01-01', count: 3 });
    // when
    const reopened = await temp.reopen();
    // then
    expect(await reopened.definitions.list()).toEqual([version, { ...version, version: 2, hash: 'def' }]);
    expect(await reopened.definitions.getSource('korttidsvistelse-lss', 1)).toBe('<definitions>å</definitions>');
    await expect(reopened.definitions.getSource('korttidsvistelse-lss', 3)).rejects.toThrow(/finns inte/);
    await expect(reopened.definitions.add(version, '<other/>')).rejects.toThrow(/finns redan/);
    expect(await reopened.settings.get('demoSeeded')).toEqual({ at: '2026-01-01', count: 3 });
    expect(await reopened.settings.get('unknown')).toBeNull();
  });

  test('when a save carries a stale rev, then it is rejected and nothing is written', async () => {
    // given
    await temp.store.instances.save(makeDocument('case-1', 1), null);
    await temp.store.instances.history('case-1'); // waits for the history and summary that follow the commit
    const before = await snapshot(temp.dir);
    // when
    const asNew = temp.store.instances.save(makeDocument('case-1', 2), null);
    const behind = temp.store.instances.save(makeDocument('case-1', 3), 2);
    // then
    await expect(asNew).rejects.toBeInstanceOf(StaleRevisionError);
    await expect(behind).rejects.toBeInstanceOf(StaleRevisionError);
    await temp.store.instances.history('case-1');
    expect(await snapshot(temp.dir)).toEqual(before);
  });

  test('when transitions are saved, then the history grows append-only in seq order and repeated seqs are skipped', async () => {
    // given
    await temp.store.instances.save(makeDocument('case-1', 1), null);
    await temp.store.instances.history('case-1'); // waits for the history that follows the commit
    const firstBytes = await readFile(path.join(temp.dir, 'history/case-1.jsonl'), 'utf8');
    const second = makeDocument('case-1', 2);
    second.lastEntries = [makeEntry(4), makeEntry(2), makeEntry(3)];
    // when
    await temp.store.instances.save(second, 1);
    // then
    const history = await temp.store.instances.history('case-1');
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(history[0]).toEqual(makeEntry(1));
    expect((await readFile(path.join(temp.dir, 'history/case-1.jsonl'), 'utf8')).startsWith(firstBytes)).toBe(true);
    expect(await temp.store.instances.history('never-saved')).toEqual([]);
  });

  test('when an id or process key is not a safe file name, then the call is refused', async () => {
    // given
    const badIds = ['../escape', 'a/b', '', '-lead', 'a.b', 'x'.repeat(101), 'å'];
    // when / then
    for (const id of badIds) {
      await expect(temp.store.instances.save(makeDocument(id, 1), null)).rejects.toThrow(/Ogiltigt/);
      await expect(temp.store.instances.load(id)).rejects.toThrow(/Ogiltigt/);
      await expect(temp.store.instances.history(id)).rejects.toThrow(/Ogiltigt/);
      await expect(temp.store.definitions.getSource(id, 1)).rejects.toThrow(/Ogiltigt/);
    }
    expect(await readdir(path.join(temp.dir, 'instances'))).toEqual([]);
  });

  test('when a stored document is corrupt, then load throws naming the file and leaves it untouched', async () => {
    // given
    await temp.store.instances.save(makeDocument('case-1', 1), null);
    const file = path.join(temp.dir, 'instances/case-1.json');
    await writeFile(file, '{"summary":{"id":"case-1"');
    // when
    const loading = temp.store.instances.load('case-1');
    // then
    await expect(loading).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe('{"summary":{"id":"case-1"');
  });

  test('when the store is closed, then its repositories refuse to work', async () => {
    // given
    await temp.store.close();
    // when
    const listing = temp.store.instances.listSummaries();
    // then
    await expect(listing).rejects.toThrow(/inte öppnat/);
  });
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const sub of ['instances', 'history']) {
    for (const name of await readdir(path.join(dir, sub))) {
      files[`${sub}/${name}`] = await readFile(path.join(dir, sub, name), 'utf8');
    }
  }
  return files;
}
