// One server's copy of the housing register on a shared store, with its own transactions overlapping: stored in the
// order they began, a later one refused when an earlier one was taken back, the copy rebuilt from the journal then,
// and other servers' rows applied only between transactions.
import { describe, expect, test } from 'vitest';
import { RegisterChangedError } from '../../src/housing/index.js';
import type { HousingJournal, HousingRecord } from '../../src/housing/housing-journal.js';
import { HousingRegister } from '../../src/housing/housing-register.js';
import type { RegisterRow } from '../../src/housing/shared-register-follower.js';

const at = '2027-01-15T08:00:00.000Z';
const now = () => new Date(at);
const apartment = { id: 'A', unitId: 'u', number: '1', rooms: 1, sizeSqm: 30, rent: 1, status: 'reserverad' as const, readyDate: null, renovationNote: null, queueEntryId: 'qX', moveInDate: null };

/** A register on a fake shared journal: `rows` is what the database holds, in journal order. */
async function sharedRegister() {
  const rows: RegisterRow[] = [];
  const add = (records: unknown[], writer: string | null) => records.forEach((record) => rows.push({ position: rows.length + 1, writer, record }));
  const journal: HousingJournal = { readAll: async () => rows.map((r) => r.record), append: async (records) => add(records, null), rewrite: async () => undefined };
  const port = { serverId: 'me', appendRegister: async (batch: { records: unknown[] }) => add(batch.records, 'me'), registerSince: async (p: number) => rows.filter((r) => r.position > p) };
  add([{ seq: 1, at, transitionId: 'setup', instanceId: null, rev: null, event: { type: 'apartment.created', apartment } }], null);
  const register = new HousingRegister(journal, port);
  await register.load(new Map(), [...rows]);
  const save = (records: unknown[]) => async () => add(records, 'me');
  return { register, rows, add, save };
}

const apartmentA = (register: HousingRegister) => register.state.apartments.get('A');

describe('a server’s copy of the register on a shared store', () => {
  test('when a later transaction asks to be stored first, then it waits for the earlier one and both are stored in the order they began', async () => {
    // given
    const { register, rows, save } = await sharedRegister();
    const t1 = register.begin('X', 2, now, register.position);
    t1.emit({ type: 'apartment.released', apartmentId: 'A' });
    const t2 = register.begin('Y', 2, now, register.position);
    t2.emit({ type: 'apartment.reserved', apartmentId: 'A', queueEntryId: 'qY' });
    // when
    const second = register.store(t2.batch()!, save(t2.batch()!.records)).then(() => t2.stored());
    await register.store(t1.batch()!, save(t1.batch()!.records));
    t1.stored();
    await second;
    // then
    expect(rows.map((r) => (r.record as HousingRecord).event.type)).toEqual(['apartment.created', 'apartment.released', 'apartment.reserved']);
    expect(apartmentA(register)).toMatchObject({ status: 'reserverad', queueEntryId: 'qY' });
  });

  test('when the earlier of two overlapping transactions is taken back, then the later one is refused too and the copy is rebuilt from the journal', async () => {
    // given: T2 read T1's release before either was stored
    const { register, save } = await sharedRegister();
    const t1 = register.begin('X', 2, now, register.position);
    t1.emit({ type: 'apartment.released', apartmentId: 'A' });
    const t2 = register.begin('Y', 2, now, register.position);
    t2.emit({ type: 'apartment.reserved', apartmentId: 'A', queueEntryId: 'qY' });
    // when
    const second = register.store(t2.batch()!, save(t2.batch()!.records));
    const first = register.store(t1.batch()!, async () => {
      throw new RegisterChangedError('X');
    });
    await expect(first).rejects.toBeInstanceOf(RegisterChangedError);
    await t1.abort();
    await expect(second).rejects.toBeInstanceOf(RegisterChangedError);
    await t2.abort();
    await register.catchUp([]);
    // then: what the journal says, A still X's
    expect(apartmentA(register)).toMatchObject({ status: 'reserverad', queueEntryId: 'qX' });
  });

  test('when another server’s rows arrive while a transaction is open, then they are applied once it ends', async () => {
    // given
    const { register, add } = await sharedRegister();
    const t1 = register.begin('X', 2, now, register.position);
    t1.emit({ type: 'apartment.released', apartmentId: 'A' });
    // when: another server released and let A
    add([{ seq: 2, at, transitionId: 'other', instanceId: 'Z', rev: 2, event: { type: 'apartment.rentedOut', apartmentId: 'A', moveInDate: '2027-02-01' } }], 'other');
    await register.catchUp([{ position: 2, writer: 'other', record: { seq: 2, at, transitionId: 'other', instanceId: 'Z', rev: 2, event: { type: 'apartment.rentedOut', apartmentId: 'A', moveInDate: '2027-02-01' } } }]);
    const whileOpen = { ...apartmentA(register) };
    await t1.abort();
    // then
    expect(whileOpen).toMatchObject({ status: 'ledig' });
    expect(apartmentA(register)).toMatchObject({ status: 'uthyrd', moveInDate: '2027-02-01' });
    expect(register.position).toBe(2);
  });
});
