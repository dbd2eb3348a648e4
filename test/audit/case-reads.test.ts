import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { appendCaseRead, listCaseReads, maxCaseReads } from '../../src/audit/case-reads.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import type { Store } from '../../src/store/port.js';

const at = (minute: number) => new Date(Date.UTC(2027, 0, 15, 8, minute));

describe('case reads', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bk-audit-'));
    store = createLowdbStore(dir);
    await store.open();
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('when reads are appended and the store is opened again, then they are all still there, newest first', async () => {
    // given
    await appendCaseRead(store.accessLog, { user: 'enhetschef', instanceId: 'a', kind: 'page' }, at(0));
    await appendCaseRead(store.accessLog, { user: 'revisor', instanceId: 'b', kind: 'history' }, at(1));
    await store.close();
    store = createLowdbStore(dir);
    await store.open();
    // when
    const reads = await listCaseReads(store.accessLog, { limit: 10 });
    // then
    expect(reads).toEqual([
      { at: '2027-01-15T08:01:00.000Z', user: 'revisor', instanceId: 'b', kind: 'history' },
      { at: '2027-01-15T08:00:00.000Z', user: 'enhetschef', instanceId: 'a', kind: 'page' },
    ]);
    const file = await readFile(path.join(dir, 'audit', 'access.jsonl'), 'utf8');
    expect(file.trim().split('\n')).toHaveLength(2);
  });

  test('when filtered by case, user and limit, then only the newest matching reads come back', async () => {
    // given
    const reads = [
      { user: 'enhetschef', instanceId: 'a' },
      { user: 'revisor', instanceId: 'a' },
      { user: 'enhetschef', instanceId: 'b' },
      { user: 'enhetschef', instanceId: 'a' },
    ] as const;
    for (const [i, read] of reads.entries()) await appendCaseRead(store.accessLog, { ...read, kind: 'instance' }, at(i));
    // when
    const byCase = await listCaseReads(store.accessLog, { instanceId: 'a', limit: 10 });
    const byBoth = await listCaseReads(store.accessLog, { instanceId: 'a', user: 'enhetschef', limit: 1 });
    const none = await listCaseReads(store.accessLog, { user: 'admin', limit: 10 });
    // then
    expect(byCase.map((r) => r.at)).toEqual([at(3), at(1), at(0)].map((d) => d.toISOString()));
    expect(byBoth.map((r) => r.at)).toEqual([at(3).toISOString()]);
    expect(none).toEqual([]);
  });

  test('when more reads are asked for than the cap, then the cap holds', async () => {
    // given
    const records = Array.from({ length: maxCaseReads + 5 }, (_, i) => ({ at: at(0).toISOString(), user: 'u', instanceId: String(i), kind: 'page' }));
    await store.accessLog.append(records);
    // when
    const reads = await listCaseReads(store.accessLog, { limit: 1_000_000 });
    // then
    expect(reads).toHaveLength(maxCaseReads);
    expect(reads[0]!.instanceId).toBe(String(maxCaseReads + 4));
  });

  test('when the log holds a line it does not understand or a torn last line, then the other reads are still listed', async () => {
    // given
    await appendCaseRead(store.accessLog, { user: 'enhetschef', instanceId: 'a', kind: 'page' }, at(0));
    await store.accessLog.append([{ something: 'else' }]);
    await appendFile(path.join(dir, 'audit', 'access.jsonl'), '{"at":"2027-01-15T08:0');
    // when
    const reads = await listCaseReads(store.accessLog, { limit: 10 });
    // then
    expect(reads).toEqual([{ at: at(0).toISOString(), user: 'enhetschef', instanceId: 'a', kind: 'page' }]);
  });
});
