// store:copy of the journals where order is easy to lose: an access log whose segments span several months, a month
// split over two segments, a record without a time, and the housing and gallring journals sharing the seq with it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { copyLowdbToPostgres } from '../../src/store/copy/copy-lowdb-to-postgres.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import type { Store } from '../../src/store/port.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase } from '../postgres/test-database.js';

const read = (at: string | undefined, n: number) => ({ ...(at ? { at } : {}), user: 'enhetschef', instanceId: `case-${n}`, kind: 'case' });
const lines = (records: unknown[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('store:copy of the journals', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function opened(store: Store): Promise<Store> {
    await store.open();
    cleanups.push(() => store.close());
    return store;
  }

  test('when the access log’s segments span months and split one, then the database holds every record in append order and each month in its own order, and later appends come after them', async () => {
    // given: a log from before rotation (January to March, the clock set back once), then March again and a record without a time
    const root = await mkdtemp(path.join(tmpdir(), 'bk-copy-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const dataDir = path.join(root, 'data');
    await mkdir(path.join(dataDir, 'audit'), { recursive: true });
    await mkdir(path.join(dataDir, 'housing'), { recursive: true });
    await mkdir(path.join(dataDir, 'instances'), { recursive: true });
    const sealed = [read('2027-01-05T08:00:00Z', 1), read('2027-03-01T08:00:00Z', 2), read('2027-02-20T08:00:00Z', 3), read('2027-03-02T08:00:00Z', 4)];
    const active = [read('2027-03-20T08:00:00Z', 5), read(undefined, 6), read('2027-03-21T08:00:00Z', 7)];
    await writeFile(path.join(dataDir, 'audit', 'access-2027-01--2027-03.jsonl'), lines(sealed));
    await writeFile(path.join(dataDir, 'audit', 'access.jsonl'), lines(active));
    await writeFile(path.join(dataDir, 'housing', 'journal.jsonl'), lines([{ type: 'unit', id: 'solrosen' }, { type: 'unit', id: 'lindgarden' }]));
    await writeFile(path.join(dataDir, 'audit', 'gallring.jsonl'), lines([{ at: '2027-03-05T08:00:00Z', by: 'admin', cases: [] }]));
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    // when
    const summary = await copyLowdbToPostgres({ dataDir, databaseUrl: database.url, report: () => undefined });
    const target = await opened(createPostgresStore({ databaseUrl: database.url }));
    const months: unknown[][] = [];
    for await (const month of target.accessLog.readSegments!({})) months.push(month);
    const fromLowdb = await opened(createLowdbStore(dataDir));
    await target.accessLog.append([read('2027-03-22T08:00:00Z', 8)]);
    await target.housingJournal.append([{ type: 'unit', id: 'ekbacken' }]);
    // then
    expect(summary).toMatchObject({ access: 7, housing: 2, gallring: 1, instances: 0, definitions: 0 });
    expect(months).toEqual([[sealed[1], sealed[3], active[0], active[2]], [sealed[2]], [sealed[0]], [active[1]]]);
    expect(await target.accessLog.readAll()).toEqual([...(await fromLowdb.accessLog.readAll()), read('2027-03-22T08:00:00Z', 8)]);
    expect((await target.housingJournal.readAll()).map((r) => (r as { id: string }).id)).toEqual(['solrosen', 'lindgarden', 'ekbacken']);
    expect(await target.gallringLog.readAll()).toEqual(await fromLowdb.gallringLog.readAll());
  });
});
