// More of what every Store adapter must do: what gallring and the auditor rely on. A rewrite that takes data out of
// the housing register, a culled case's history without its values, the access log read by month, the gallring log.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../../src/engine/records/index.js';
import type { Store } from '../../src/store/port.js';
import type { OpenedStore } from './store-contract.js';
import { makeDocument, makeEntry } from './store-test-kit.js';

const read = (at: string, n: number) => ({ at, n });

export function describeAuditContract(name: string, openStore: () => Promise<OpenedStore>): void {
  describe(`${name} keeps what gallring and the auditor rely on`, () => {
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

    test('when the housing journal is rewritten, then it holds the changed records and later appends follow them; null changes nothing', async () => {
      // given
      await store.housingJournal.append([{ n: 1, name: 'Åsa' }, { n: 2, name: 'Bo' }]);
      // when
      await store.housingJournal.rewrite((records) => records.map((r) => ({ ...(r as object), name: null })));
      await store.housingJournal.rewrite(() => null);
      await store.housingJournal.append([{ n: 3 }]);
      // then
      expect(await store.housingJournal.readAll()).toEqual([{ n: 1, name: null }, { n: 2, name: null }, { n: 3 }]);
    });

    test('when a case is stored culled, then its earlier history keeps steps and times without values, followed by the culling', async () => {
      // given
      const withData = (entry: HistoryEntry): HistoryEntry => ({ ...entry, data: { personnummer: '19121212-1212' } });
      await store.instances.save({ ...makeDocument('case-1', 1), lastEntries: makeDocument('case-1', 1).lastEntries.map(withData) }, null);
      await store.instances.save({ ...makeDocument('case-1', 2), lastEntries: makeDocument('case-1', 2).lastEntries.map(withData) }, 1);
      const culling = { ...makeEntry(5, 'case.culled'), data: { rule: 'lss' } };
      const culled = makeDocument('case-1', 3);
      // when
      await store.instances.save({ ...culled, summary: { ...culled.summary, culled: { at: culling.at, by: 'admin', rule: 'lss' } }, lastEntries: [culling] }, 2);
      // then
      const history = await store.instances.history('case-1');
      expect(history).toEqual([...[1, 2, 3, 4].map((seq) => makeEntry(seq, seq % 2 ? 'activity.enter' : 'activity.leave')), culling]);
    });

    test('when the access log holds several months, then a read of a range returns those months, newest first', async () => {
      // given
      const months = ['2026-10-05', '2026-11-05', '2026-12-05', '2027-01-05'].map((day, n) => read(`${day}T10:00:00.000Z`, n));
      for (const record of months) await store.accessLog.append([record]);
      await store.accessLog.append([read('2027-01-20T10:00:00.000Z', 4)]);
      // when
      const december = await collect(store.accessLog.readSegments!({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' }));
      const fromDecember = await collect(store.accessLog.readSegments!({ from: '2026-12-10T00:00:00.000Z' }));
      const all = await collect(store.accessLog.readSegments!({}));
      // then
      expect(december).toEqual([[months[2]]]);
      expect(fromDecember).toEqual([[months[3], read('2027-01-20T10:00:00.000Z', 4)], [months[2]]]);
      expect(all.reverse().flat()).toEqual(await store.accessLog.readAll());
      expect(await store.accessLog.readAll()).toEqual([...months, read('2027-01-20T10:00:00.000Z', 4)]);
    });

    test('when gallring runs are logged, then the gallring log returns them in order, apart from the other journals', async () => {
      // given
      const runs = [{ at: '2026-05-01T00:00:00.000Z', by: 'admin', cases: ['case-1'] }, { at: '2026-06-01T00:00:00.000Z', by: 'admin', cases: [] }];
      // when
      await store.gallringLog.append([runs[0]]);
      await store.gallringLog.append([runs[1]]);
      // then
      expect(await store.gallringLog.readAll()).toEqual(runs);
      expect(await store.accessLog.readAll()).toEqual([]);
      expect(await store.housingJournal.readAll()).toEqual([]);
    });
  });
}

async function collect(segments: AsyncIterable<unknown[]>): Promise<unknown[][]> {
  const all: unknown[][] = [];
  for await (const records of segments) all.push(records);
  return all;
}
