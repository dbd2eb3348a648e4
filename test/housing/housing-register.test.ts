import { describe, expect, test } from 'vitest';
import { HousingRegister } from '../../src/housing/housing-register.js';
import { seedEvents } from '../../src/housing/housing-seed.js';
import type { HousingJournal } from '../../src/housing/housing-journal.js';

function memoryJournal(): HousingJournal & { records: unknown[] } {
  const records: unknown[] = [];
  return {
    records,
    readAll: async () => structuredClone(records),
    append: async (r) => void records.push(...structuredClone(r)),
    rewrite: async (change) => {
      const changed = change(structuredClone(records));
      if (changed) records.splice(0, records.length, ...changed);
    },
  };
}
const now = () => new Date('2027-02-01T09:00:00Z');
const seed = seedEvents({
  units: [{ id: 'u1', name: 'Boende 1', law: 'SoL', profile: 'Särskilt boende' }],
  apartments: [{ id: 'a1', unitId: 'u1', number: '101', rooms: 1, sizeSqm: 30, rent: 5000, status: 'ledig' }],
});
const status = (register: HousingRegister) => register.state.apartments.get('a1')?.status;

describe('HousingRegister', () => {
  test('when a transition is not stored after its changes were written, then they are taken back and stay out after a restart', async () => {
    // given
    const journal = memoryJournal();
    const register = new HousingRegister(journal);
    await register.setUp(seed, now);
    const transaction = register.begin('case-1', 1, now);
    transaction.emit({ type: 'apartment.reserved', apartmentId: 'a1', queueEntryId: 'q1' });
    await transaction.flush();
    // when
    await transaction.abort();
    const restarted = new HousingRegister(journal);
    await restarted.load(new Map([['case-1', 1]]));
    // then
    expect(status(register)).toBe('ledig');
    expect(status(restarted)).toBe('ledig');
  });

  test('when the server died between writing the changes and storing the instance, then a restart leaves them out', async () => {
    // given
    const journal = memoryJournal();
    const register = new HousingRegister(journal);
    await register.setUp(seed, now);
    const stored = register.begin('case-1', 1, now);
    stored.emit({ type: 'apartment.reserved', apartmentId: 'a1', queueEntryId: 'q1' });
    await stored.flush();
    const lost = register.begin('case-1', 2, now);
    lost.emit({ type: 'apartment.booked', apartmentId: 'a1', moveInDate: '2027-03-01' });
    await lost.flush();
    // when: the instance's stored rev is 1, so rev 2 never happened
    const restarted = new HousingRegister(journal);
    await restarted.load(new Map([['case-1', 1]]));
    const neverStarted = new HousingRegister(journal);
    await neverStarted.load(new Map());
    // then
    expect(status(register)).toBe('bokad');
    expect(status(restarted)).toBe('reserverad');
    expect(status(neverStarted)).toBe('ledig');
  });

  test('when a change orphaned by a crash has the rev a later stored step takes, then it stays out: the restart voids it', async () => {
    // given: rev 2's change was written, the server died before the instance was stored at rev 2
    const journal = memoryJournal();
    const register = new HousingRegister(journal);
    await register.setUp(seed, now);
    const orphan = register.begin('case-1', 2, now);
    orphan.emit({ type: 'apartment.reserved', apartmentId: 'a1', queueEntryId: 'finns-inte' });
    await orphan.flush();
    // when: the restart sees rev 1; the case's next step is stored as rev 2 without touching the register
    const restarted = new HousingRegister(journal);
    await restarted.load(new Map([['case-1', 1]]));
    const later = new HousingRegister(journal);
    await later.load(new Map([['case-1', 2]]));
    // then
    expect(status(restarted)).toBe('ledig');
    expect(status(later)).toBe('ledig');
  });

  test('when the journal is replayed, then changes apply in the order they were made, not the order they were written', async () => {
    // given
    const journal = memoryJournal();
    const register = new HousingRegister(journal);
    await register.setUp(seed, now);
    const first = register.begin('case-1', 1, now);
    first.emit({ type: 'apartment.reserved', apartmentId: 'a1', queueEntryId: 'q1' });
    const second = register.begin('case-2', 1, now);
    second.emit({ type: 'apartment.booked', apartmentId: 'a1', moveInDate: '2027-03-01' });
    // when
    await second.flush();
    await first.flush();
    const restarted = new HousingRegister(journal);
    await restarted.load(new Map([['case-1', 1], ['case-2', 1]]));
    // then
    expect(restarted.state.apartments.get('a1')).toEqual(register.state.apartments.get('a1'));
    expect(status(restarted)).toBe('bokad');
  });
});
