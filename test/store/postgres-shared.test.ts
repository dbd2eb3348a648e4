// What lets several servers share one PostgreSQL database, at the store: each reads what the others wrote since it last
// looked, due timers are claimed by one server each, and register records are saved only from a current copy.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { InstanceDocument, TimerRecord } from '../../src/engine/records/index.js';
import { RegisterChangedError } from '../../src/housing/index.js';
import type { SharedStore, Store } from '../../src/store/port.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../postgres/test-database.js';
import { makeDocument } from './store-test-kit.js';

describe('a PostgreSQL store shared by several servers', () => {
  let database: TestDatabase;
  const opened: Store[] = [];
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await database.drop();
  });

  async function server(): Promise<Store & { shared: SharedStore }> {
    const store = createPostgresStore({ databaseUrl: database.url });
    await store.open();
    opened.push(store);
    return store as Store & { shared: SharedStore };
  }

  function withTimers(doc: InstanceDocument, ...dueAts: string[]): InstanceDocument {
    const id = doc.summary.id;
    const timers: TimerRecord[] = dueAts.map((dueAt, i) => ({ id: `${id}.t${i}`, instanceId: id, elementId: `timer${i}`, executionId: `t${i}`, dueAt }));
    return { ...doc, summary: { ...doc.summary, timers } };
  }

  test('when one server stores cases, a setting, a diagram and register records, then another reads them once since its cursor, and later ones after', async () => {
    // given
    const a = await server();
    const b = await server();
    await a.instances.save(makeDocument('case-1', 1), null);
    const first = await b.shared.changesSince(null);
    // when
    await a.instances.save(makeDocument('case-1', 2), 1);
    await a.instances.save(makeDocument('case-2', 1), null);
    await a.settings.set('manualClock', '2027-02-01T00:00:00.000Z');
    await a.definitions.add({ key: 'rutin', version: 1, name: 'Rutin', hash: 'h', deployedAt: '2027-01-01T00:00:00.000Z', deployedBy: 'system' }, '<xml/>');
    await a.shared.appendRegister({ records: [{ seq: 1, at: '2027-01-01T00:00:00.000Z', event: { type: 'unit.added' } }], basis: 0 });
    const next = await b.shared.changesSince(first.cursor);
    const after = await b.shared.changesSince(next.cursor);
    // then
    expect(first.instances).toEqual([{ id: 'case-1', rev: 1 }]);
    expect(next.instances).toEqual(expect.arrayContaining([{ id: 'case-1', rev: 2 }, { id: 'case-2', rev: 1 }]));
    expect((await b.shared.summaries(['case-1', 'case-2'])).map((s) => [s.id, s.rev]).sort()).toEqual([['case-1', 2], ['case-2', 1]]);
    expect(next.settings).toEqual([{ name: 'manualClock', value: '2027-02-01T00:00:00.000Z' }]);
    expect(next.definitions.map((d) => [d.key, d.version])).toEqual([['rutin', 1]]);
    expect(next.register).toEqual([{ position: expect.any(Number), writer: a.shared.serverId, record: expect.objectContaining({ seq: 1 }) }]);
    expect(after).toMatchObject({ instances: [], settings: [], definitions: [], register: [] });
  });

  test('when two servers claim due timers at the same moment, then each due timer is claimed once, the earliest first and one per case', async () => {
    // given: three cases with a timer due at 08:00, one of them a second at 08:00, and one due later
    const a = await server();
    const b = await server();
    await a.instances.save(withTimers(makeDocument('case-1', 1), '2027-01-01T08:00:00.000Z', '2027-01-01T08:00:00.000Z'), null);
    await a.instances.save(withTimers(makeDocument('case-2', 1), '2027-01-01T08:00:00.000Z'), null);
    await a.instances.save(withTimers(makeDocument('case-3', 1), '2027-01-01T08:00:00.000Z'), null);
    await a.instances.save(withTimers(makeDocument('case-4', 1), '2027-01-02T08:00:00.000Z'), null);
    const until = new Date('2027-01-01T12:00:00.000Z');
    // when
    const [byA, byB] = await Promise.all([a.shared.claimDueTimers(until, 10, new Set()), b.shared.claimDueTimers(until, 10, new Set())]);
    const again = await a.shared.claimDueTimers(until, 10, new Set());
    // then
    const claimed = [...byA, ...byB].map((t) => t.id).sort();
    expect(claimed).toEqual(['case-1.t0', 'case-2.t0', 'case-3.t0']);
    expect(again).toEqual([]);
  });

  test('when the firing server saves the case with its timer disarmed, then the timer is gone; a timer still armed at the same time keeps its claim', async () => {
    // given
    const a = await server();
    const b = await server();
    await a.instances.save(withTimers(makeDocument('case-1', 1), '2027-01-01T08:00:00.000Z', '2027-01-01T09:00:00.000Z'), null);
    const until = new Date('2027-01-01T12:00:00.000Z');
    const [claimed] = await a.shared.claimDueTimers(until, 10, new Set());
    // when: the firing's save keeps only the second timer; then another save of the case (a task on server b) keeps it too
    const fired = withTimers(makeDocument('case-1', 2), '2027-01-01T09:00:00.000Z');
    await a.instances.save({ ...fired, summary: { ...fired.summary, timers: fired.summary.timers.map((t) => ({ ...t, id: 'case-1.t1', executionId: 't1' })) } }, 1);
    const [second] = await b.shared.claimDueTimers(until, 10, new Set());
    await b.instances.save({ ...fired, summary: { ...fired.summary, rev: 3, timers: fired.summary.timers.map((t) => ({ ...t, id: 'case-1.t1', executionId: 't1' })) } }, 2);
    // then
    expect(claimed?.id).toBe('case-1.t0');
    expect(second?.id).toBe('case-1.t1');
    expect(await a.shared.claimDueTimers(until, 10, new Set())).toEqual([]);
  });

  test('when a case ends, then its timers are no longer claimable', async () => {
    // given
    const a = await server();
    await a.instances.save(withTimers(makeDocument('case-1', 1), '2027-01-01T08:00:00.000Z'), null);
    const ended = withTimers(makeDocument('case-1', 2), '2027-01-01T08:00:00.000Z');
    // when
    await a.instances.save({ ...ended, summary: { ...ended.summary, state: 'completed' } }, 1);
    // then
    expect(await a.shared.claimDueTimers(new Date('2027-01-02T00:00:00.000Z'), 10, new Set())).toEqual([]);
  });

  test('when another server changed the register after this one read it, then a save with register records is refused whole; its own records do not count', async () => {
    // given
    const a = await server();
    const b = await server();
    await a.instances.save(makeDocument('case-1', 1), null);
    const record = (seq: number) => ({ seq, at: '2027-01-01T00:00:00.000Z', transitionId: `t${seq}`, instanceId: 'case-1', rev: 2, event: { type: 'unit.added' } });
    await a.shared.appendRegister({ records: [record(1)], basis: 0 });
    const basis = (await a.shared.changesSince(null)).cursor.registerPosition;
    await a.shared.appendRegister({ records: [record(2)], basis });
    // when: a saves on the basis before its own second record; b on the same basis, after a's record
    await a.instances.saveWithRegister!(makeDocument('case-1', 2), 1, { records: [record(3)], basis });
    const refused = b.instances.saveWithRegister!(makeDocument('case-1', 3), 2, { records: [record(4)], basis });
    // then
    await expect(refused).rejects.toBeInstanceOf(RegisterChangedError);
    expect((await b.instances.load('case-1'))?.summary.rev).toBe(2);
    expect((await b.housingJournal.readAll()).map((r) => (r as { seq: number }).seq)).toEqual([1, 2, 3]);
  });

  test('when two servers add to one setting at the same moment, then both additions stay', async () => {
    // given
    const a = await server();
    const b = await server();
    // when
    await Promise.all(
      [a, b, a, b].map((store, i) => store.settings.update<Record<string, number>>('revokedSignIns', (current) => ({ ...(current ?? {}), [`sid-${i}`]: i }))),
    );
    // then
    expect(await a.settings.get('revokedSignIns')).toEqual({ 'sid-0': 0, 'sid-1': 1, 'sid-2': 2, 'sid-3': 3 });
  });

  test('when the server holding a claim dies, then the timer is claimable again once the claim has lapsed, not before', async () => {
    // given: a claimed the timer and is gone
    const a = await server();
    const b = await server();
    await a.instances.save(withTimers(makeDocument('case-1', 1), '2027-01-01T08:00:00.000Z'), null);
    const until = new Date('2027-01-01T12:00:00.000Z');
    await a.shared.claimDueTimers(until, 10, new Set());
    await a.close();
    const whileHeld = await b.shared.claimDueTimers(until, 10, new Set());
    // when: the claim's minute has passed
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("UPDATE timers SET claimed_until = now() - interval '1 second'");
    await client.end();
    const afterLapse = await b.shared.claimDueTimers(until, 10, new Set());
    // then
    expect(whileHeld).toEqual([]);
    expect(afterLapse.map((t) => t.id)).toEqual(['case-1.t0']);
  });

  test('when a second server opens the database, then the first is told at once and counts one other server until it closes', async () => {
    // given
    const a = await server();
    let told = 0;
    a.shared.onServerStarted(() => told++);
    const alone = await a.shared.otherServers();
    // when
    const b = await server();
    await expect.poll(() => told).toBe(1);
    const joined = await a.shared.otherServers();
    await b.close();
    // then
    expect([alone, joined, await a.shared.otherServers()]).toEqual([0, 1, 0]);
  });
});
