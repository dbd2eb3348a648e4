import { appendFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { appendCaseRead, listCaseReads } from '../../src/audit/case-reads.js';
import { makeTempDir } from '../store/store-test-kit.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import type { Store } from '../../src/store/port.js';

const day = (month: number, date: number) => new Date(Date.UTC(2026, month - 1, date, 9));
const months = [
  { at: day(10, 15), instanceId: 'oktober' },
  { at: day(11, 15), instanceId: 'november' },
  { at: day(12, 15), instanceId: 'december' },
];

describe('case reads in a monthly access log', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  let store: Store;
  const audit = () => path.join(temp.dir, 'audit');
  beforeEach(async () => {
    temp = await makeTempDir();
    store = createLowdbStore(temp.dir);
    await store.open();
  });
  afterEach(async () => {
    await store.close();
    await temp.cleanup();
  });

  async function appendMonths(): Promise<void> {
    for (const { at, instanceId } of months) await appendCaseRead(store.accessLog, { user: 'revisor', instanceId, kind: 'page' }, at);
  }

  test('when reads spread over several months, then each past month has its own file and all are listed, newest first', async () => {
    // given
    await appendMonths();
    // when
    store = await reopen(store, temp.dir);
    const reads = await listCaseReads(store.accessLog, { limit: 10 });
    // then
    expect(reads.map((r) => r.instanceId)).toEqual(['december', 'november', 'oktober']);
    expect((await readdir(audit())).sort()).toEqual(['access-2026-10.jsonl', 'access-2026-11.jsonl', 'access.jsonl']);
  });

  test('when listed for a date range, then only the months it covers are read', async () => {
    // given: a November read misfiled in October's file shows whether October's file was opened
    await appendMonths();
    const misfiled = { at: day(11, 20).toISOString(), user: 'revisor', instanceId: 'felplacerad', kind: 'page' };
    await appendFile(path.join(audit(), 'access-2026-10.jsonl'), `${JSON.stringify(misfiled)}\n`);
    const november = { from: day(11, 1).toISOString(), to: day(12, 1).toISOString() };
    // when
    const ranged = await listCaseReads(store.accessLog, { ...november, limit: 10 });
    const unranged = await listCaseReads(store.accessLog, { limit: 10 });
    // then
    expect(ranged.map((r) => r.instanceId)).toEqual(['november']);
    expect(unranged.map((r) => r.instanceId)).toEqual(['december', 'november', 'felplacerad', 'oktober']);
  });

  test('when the newest month holds enough reads, then older months are not read at all', async () => {
    // given
    await appendMonths();
    await appendFile(path.join(audit(), 'access-2026-10.jsonl'), 'inte json\n');
    // when
    const newest = await listCaseReads(store.accessLog, { limit: 2 });
    // then
    expect(newest.map((r) => r.instanceId)).toEqual(['december', 'november']);
    await expect(listCaseReads(store.accessLog, { limit: 3 })).rejects.toThrow(SyntaxError);
  });

  test('when an access.jsonl from before rotation holds several months, then its reads are still listed, also by date range', async () => {
    // given
    await store.close();
    const before = [
      { at: day(6, 1).toISOString(), user: 'enhetschef', instanceId: 'juni', kind: 'page' },
      { at: day(9, 1).toISOString(), user: 'enhetschef', instanceId: 'september', kind: 'history' },
    ];
    await mkdir(audit(), { recursive: true });
    await writeFile(path.join(audit(), 'access.jsonl'), before.map((r) => `${JSON.stringify(r)}\n`).join(''));
    store = createLowdbStore(temp.dir);
    await store.open();
    // when
    await appendMonths();
    const all = await listCaseReads(store.accessLog, { limit: 10 });
    const june = await listCaseReads(store.accessLog, { from: day(6, 1).toISOString(), to: day(7, 1).toISOString(), limit: 10 });
    // then
    expect(all.map((r) => r.instanceId)).toEqual(['december', 'november', 'oktober', 'september', 'juni']);
    expect(june.map((r) => r.instanceId)).toEqual(['juni']);
    expect((await readdir(audit())).sort()).toEqual(['access-2026-06--2026-09.jsonl', 'access-2026-10.jsonl', 'access-2026-11.jsonl', 'access.jsonl']);
  });
});

async function reopen(store: Store, dir: string): Promise<Store> {
  await store.close();
  const reopened = createLowdbStore(dir);
  await reopened.open();
  return reopened;
}
