// What every Store adapter must do, whatever it stores in: the behaviour the runtime relies on through the port.
// An adapter's test file calls describeStoreContract; its own layout, modes and crash handling are tested beside it.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { StaleRevisionError } from '../../src/engine/records/index.js';
import type { Store } from '../../src/store/port.js';
import { makeDocument, makeEntry } from './store-test-kit.js';

/** A store opened on a fresh, empty location. */
export interface OpenedStore {
  store: Store;
  /** Opens a new Store on the same location; called only once the store before it is closed. */
  reopen: () => Promise<Store>;
  /** Removes the location; called once the stores are closed. */
  cleanup: () => Promise<void>;
}

type DefinitionVersion = Parameters<Store['definitions']['add']>[0];

const journals = ['housingJournal', 'accessLog'] as const;

const shortStay: DefinitionVersion = {
  key: 'korttidsvistelse-lss',
  version: 1,
  name: 'Korttidsvistelse',
  hash: 'hash-1',
  deployedAt: '2026-01-01T00:00:00.000Z',
  deployedBy: 'admin',
};

export function describeStoreContract(name: string, openStore: () => Promise<OpenedStore>): void {
  describe(`${name} meets the store contract`, () => {
    let opened: OpenedStore;
    let store: Store;
    beforeEach(async () => {
      opened = await openStore();
      store = opened.store;
    });
    afterEach(async () => {
      await store.close();
      await opened.cleanup();
    });

    async function closeAndReopen(): Promise<Store> {
      await store.close();
      store = await opened.reopen();
      return store;
    }

    /** Every history entry of transitions 1..rev of `id` as makeDocument records them, oldest first. */
    function entriesUpTo(id: string, rev: number) {
      return Array.from({ length: rev }, (_, i) => makeDocument(id, i + 1).lastEntries).flat();
    }

    describe('instances', () => {
      test('when an instance is saved with expected rev null, then load returns that document', async () => {
        // given
        const doc = makeDocument('case-1', 1);
        // when
        await store.instances.save(doc, null);
        // then
        expect(await store.instances.load('case-1')).toEqual(makeDocument('case-1', 1));
      });

      test('when an id was never saved, then load returns null', async () => {
        // given
        await store.instances.save(makeDocument('case-1', 1), null);
        // when
        const loaded = await store.instances.load('case-2');
        // then
        expect(loaded).toBeNull();
      });

      test('when an existing instance is saved again with expected rev null, then it is stale and the first document stays', async () => {
        // given
        await store.instances.save(makeDocument('case-1', 1), null);
        // when
        const saving = store.instances.save(makeDocument('case-1', 2), null);
        // then
        await expect(saving).rejects.toBeInstanceOf(StaleRevisionError);
        expect(await store.instances.load('case-1')).toEqual(makeDocument('case-1', 1));
        expect(await store.instances.history('case-1')).toEqual(entriesUpTo('case-1', 1));
      });

      test('when a save carries the stored rev, then it replaces the document', async () => {
        // given
        await store.instances.save(makeDocument('case-1', 1), null);
        // when
        await store.instances.save(makeDocument('case-1', 2), 1);
        await store.instances.save(makeDocument('case-1', 3), 2);
        // then
        expect(await store.instances.load('case-1')).toEqual(makeDocument('case-1', 3));
      });

      test('when a save carries a wrong rev, then it throws StaleRevisionError and changes neither document nor history', async () => {
        // given
        await store.instances.save(makeDocument('case-1', 1), null);
        await store.instances.save(makeDocument('case-1', 2), 1);
        // when
        const results = await Promise.allSettled([
          store.instances.save(makeDocument('case-1', 3), 1),
          store.instances.save(makeDocument('case-1', 4), 3),
          store.instances.save(makeDocument('case-2', 2), 1),
        ]);
        // then
        expect(results.map(staleId)).toEqual(['case-1', 'case-1', 'case-2']);
        expect(await store.instances.load('case-1')).toEqual(makeDocument('case-1', 2));
        expect(await store.instances.history('case-1')).toEqual(entriesUpTo('case-1', 2));
        expect(await store.instances.load('case-2')).toBeNull();
        expect(await store.instances.history('case-2')).toEqual([]);
      });

      test('when two transitions race from the same rev, then exactly one is stored and the other is stale', async () => {
        // given
        await store.instances.save(makeDocument('case-1', 1), null);
        const first = { ...makeDocument('case-1', 2), engineState: { by: 'first' } };
        const second = { ...makeDocument('case-1', 2), engineState: { by: 'second' } };
        // when
        const results = await Promise.allSettled([store.instances.save(first, 1), store.instances.save(second, 1)]);
        // then
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(results.map(staleId).filter(Boolean)).toEqual(['case-1']);
        const winner = results[0]!.status === 'fulfilled' ? first : second;
        expect(await store.instances.load('case-1')).toEqual(winner);
        expect(await store.instances.history('case-1')).toEqual(entriesUpTo('case-1', 2));
      });
    });

    describe('history', () => {
      test('when transitions of several instances are saved, then history returns each instance its own last entries in seq order', async () => {
        // given
        const otherEntry = { ...makeEntry(1), type: 'process.start', elementId: null };
        // when
        await store.instances.save(makeDocument('case-1', 1), null);
        await store.instances.save({ ...makeDocument('case-2', 1), lastEntries: [otherEntry] }, null);
        await store.instances.save(makeDocument('case-1', 2), 1);
        await store.instances.save(makeDocument('case-1', 3), 2);
        // then
        expect(await store.instances.history('case-1')).toEqual(entriesUpTo('case-1', 3));
        expect(await store.instances.history('case-2')).toEqual([otherEntry]);
      });

      test('when a save resolves, then history read right after it already holds that save’s entries', async () => {
        // given
        const seen: number[][] = [];
        // when
        for (let rev = 1; rev <= 3; rev++) {
          await store.instances.save(makeDocument('case-1', rev), rev === 1 ? null : rev - 1);
          seen.push((await store.instances.history('case-1')).map((entry) => entry.seq));
        }
        // then
        expect(seen).toEqual([
          [1, 2],
          [1, 2, 3, 4],
          [1, 2, 3, 4, 5, 6],
        ]);
      });
    });

    describe('summaries', () => {
      test('when a store has no instances, then listSummaries returns an empty list', async () => {
        // given: a fresh store
        // when
        const summaries = await store.instances.listSummaries();
        // then
        expect(summaries).toEqual([]);
      });

      // The port promises listSummaries for boot (the runtime keeps its own index after that), so it is read from a
      // reopened store: an adapter may write the summary after save resolves.
      test('when instances were saved, then listSummaries of the reopened store returns each one’s latest summary', async () => {
        // given
        await store.instances.save(makeDocument('case-1', 1), null);
        await store.instances.save(makeDocument('case-2', 1), null);
        await store.instances.save(makeDocument('case-1', 2), 1);
        await store.instances.save(makeDocument('case-3', 1), null);
        await store.instances.save(makeDocument('case-3', 2), 1);
        await store.instances.save(makeDocument('case-3', 3), 2);
        // when
        const summaries = await (await closeAndReopen()).instances.listSummaries();
        // then
        expect([...summaries].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
          makeDocument('case-1', 2).summary,
          makeDocument('case-2', 1).summary,
          makeDocument('case-3', 3).summary,
        ]);
      });
    });

    describe('definitions', () => {
      const shortStayV2: DefinitionVersion = { ...shortStay, version: 2, hash: 'hash-2', deployedAt: '2026-02-01T00:00:00.000Z' };
      const otherKey: DefinitionVersion = { ...shortStay, key: 'boendestod', name: 'Boendestöd', hash: 'hash-3' };

      test('when a store has no definitions, then list returns an empty list', async () => {
        // given: a fresh store
        // when
        const versions = await store.definitions.list();
        // then
        expect(versions).toEqual([]);
      });

      test('when versions of several keys are added, then list returns every version and getSource each one’s own source', async () => {
        // given
        const sources = ['<definitions>v1 å</definitions>', '<definitions>v2</definitions>', '<definitions>other</definitions>'];
        // when
        await store.definitions.add(shortStay, sources[0]!);
        await store.definitions.add(shortStayV2, sources[1]!);
        await store.definitions.add(otherKey, sources[2]!);
        // then
        const byKeyAndVersion = (a: DefinitionVersion, b: DefinitionVersion) => a.key.localeCompare(b.key) || a.version - b.version;
        expect((await store.definitions.list()).sort(byKeyAndVersion)).toEqual([otherKey, shortStay, shortStayV2]);
        expect(await store.definitions.getSource(shortStay.key, 1)).toBe(sources[0]);
        expect(await store.definitions.getSource(shortStay.key, 2)).toBe(sources[1]);
        expect(await store.definitions.getSource(otherKey.key, 1)).toBe(sources[2]);
      });

      // The registry compiles the stored versions in this order at start.
      test('when versions are added out of key order, then list returns them in the order they were added', async () => {
        // given
        await store.definitions.add(shortStay, '<definitions/>');
        await store.definitions.add(otherKey, '<definitions/>');
        await store.definitions.add(shortStayV2, '<definitions/>');
        // when
        const versions = await (await closeAndReopen()).definitions.list();
        // then
        expect(versions).toEqual([shortStay, otherKey, shortStayV2]);
      });

      test('when a version was never added, then getSource rejects', async () => {
        // given
        await store.definitions.add(shortStay, '<definitions/>');
        // when
        const reading = store.definitions.getSource(shortStay.key, 2);
        // then
        await expect(reading).rejects.toThrow();
      });

      test('when a stored version is added again, then add rejects and the first source and entry stay', async () => {
        // given
        await store.definitions.add(shortStay, '<definitions>first</definitions>');
        // when
        const adding = store.definitions.add({ ...shortStay, hash: 'other' }, '<definitions>second</definitions>');
        // then
        await expect(adding).rejects.toThrow();
        expect(await store.definitions.getSource(shortStay.key, 1)).toBe('<definitions>first</definitions>');
        expect(await store.definitions.list()).toEqual([shortStay]);
      });
    });

    describe('settings', () => {
      test('when a setting was never set, then get returns null', async () => {
        // given
        await store.settings.set('known', 'value');
        // when
        const value = await store.settings.get('unknown');
        // then
        expect(value).toBeNull();
      });

      test('when settings are set, then get returns each one’s last value', async () => {
        // given
        await store.settings.set('manualClock', '2026-01-01T00:00:00.000Z');
        await store.settings.set('demoSeeded', { at: '2026-01-01', count: 3, names: ['å', 'ä'] });
        // when
        await store.settings.set('manualClock', '2026-02-01T00:00:00.000Z');
        // then
        expect(await store.settings.get<string>('manualClock')).toBe('2026-02-01T00:00:00.000Z');
        expect(await store.settings.get('demoSeeded')).toEqual({ at: '2026-01-01', count: 3, names: ['å', 'ä'] });
      });

      test('when several changes of one setting run at the same moment, then each sees the one before, none is lost, and each answers what it set', async () => {
        // given
        await store.settings.set('revokedSignIns', { first: 1 });
        // when
        const answers = await Promise.all(
          ['a', 'b', 'c', 'd'].map((sid) => store.settings.update<Record<string, number>>('revokedSignIns', (current) => ({ ...(current ?? {}), [sid]: 2 }))),
        );
        // then
        expect(await store.settings.get('revokedSignIns')).toEqual({ first: 1, a: 2, b: 2, c: 2, d: 2 });
        expect(answers.map((a) => Object.keys(a).length).sort()).toEqual([2, 3, 4, 5]);
        expect(await store.settings.update<string>('neverSet', (current) => current ?? 'start')).toBe('start');
      });
    });

    describe('journals', () => {
      test.each(journals)('when %s was never appended to, then readAll returns an empty list', async (journal) => {
        // given: a fresh store
        // when
        const records = await store[journal].readAll();
        // then
        expect(records).toEqual([]);
      });

      test.each(journals)('when records are appended to %s in several calls, then readAll returns them in append order and the other journal stays empty', async (journal) => {
        // given
        const other = journals.find((name) => name !== journal)!;
        // when
        await store[journal].append([{ n: 1, text: 'å' }, { n: 2 }]);
        await store[journal].append([{ n: 3 }]);
        await store[journal].append([{ n: 4 }, { n: 5, nested: { list: [1, 2] } }]);
        // then
        expect(await store[journal].readAll()).toEqual([{ n: 1, text: 'å' }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5, nested: { list: [1, 2] } }]);
        expect(await store[other].readAll()).toEqual([]);
      });

      test.each(journals)('when %s is closed and reopened between appends, then readAll returns every record in append order', async (journal) => {
        // given
        await store[journal].append([{ n: 1 }, { n: 2 }]);
        await closeAndReopen();
        // when
        await store[journal].append([{ n: 3 }]);
        await closeAndReopen();
        // then
        expect(await store[journal].readAll()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      });
    });

    describe('reopening', () => {
      test('when the store is closed and reopened on the same location, then documents, history, definitions and settings are still there', async () => {
        // given
        await store.instances.save(makeDocument('case-1', 1), null);
        await store.instances.save(makeDocument('case-1', 2), 1);
        await store.instances.save(makeDocument('case-2', 1), null);
        await store.definitions.add(shortStay, '<definitions>kept</definitions>');
        await store.settings.set('demoSeeded', { count: 3 });
        // when
        const reopened = await closeAndReopen();
        // then
        expect(await reopened.instances.load('case-1')).toEqual(makeDocument('case-1', 2));
        expect(await reopened.instances.load('case-2')).toEqual(makeDocument('case-2', 1));
        expect(await reopened.instances.history('case-1')).toEqual(entriesUpTo('case-1', 2));
        expect(await reopened.definitions.list()).toEqual([shortStay]);
        expect(await reopened.definitions.getSource('korttidsvistelse-lss', 1)).toBe('<definitions>kept</definitions>');
        expect(await reopened.settings.get('demoSeeded')).toEqual({ count: 3 });
      });

      test('when a reopened store gets saves, then the revs stored before it decide which are stale', async () => {
        // given
        await store.instances.save(makeDocument('case-1', 1), null);
        await store.instances.save(makeDocument('case-1', 2), 1);
        const reopened = await closeAndReopen();
        // when
        const results = await Promise.allSettled([
          reopened.instances.save(makeDocument('case-1', 2), null),
          reopened.instances.save(makeDocument('case-1', 2), 1),
        ]);
        // then
        expect(results.map(staleId)).toEqual(['case-1', 'case-1']);
        await expect(reopened.instances.save(makeDocument('case-1', 3), 2)).resolves.toBeUndefined();
        expect(await reopened.instances.history('case-1')).toEqual(entriesUpTo('case-1', 3));
      });
    });
  });
}

/** The instance id of a StaleRevisionError rejection, null for anything else. */
function staleId(result: PromiseSettledResult<void>): string | null {
  return result.status === 'rejected' && result.reason instanceof StaleRevisionError ? result.reason.instanceId : null;
}
