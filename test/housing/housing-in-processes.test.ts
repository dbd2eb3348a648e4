import { afterEach, describe, expect, test } from 'vitest';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';
import type { HousingSeed } from '../../src/housing/housing-seed.js';

const housing: HousingSeed = {
  units: [{ id: 'solrosen', name: 'Gruppbostad Solrosen', law: 'LSS', profile: 'Gruppbostad för vuxna' }],
  apartments: [{ id: 'solrosen-1', unitId: 'solrosen', number: '1', rooms: 2, sizeSqm: 42, rent: 6200, status: 'ledig' }],
};
const formedlare = { username: 'boendeformedling', roles: ['boendeformedling'] };
const start = (h: Harness, brukare: string) =>
  h.runtime.startInstance('boka-lagenhet', { variables: { beslutsdatum: '2027-01-15', brukare, kon: 'kvinna', apartmentId: 'solrosen-1' } }, actors.admin);
const apartment = (h: Harness) => h.runtime.housingRegister().apartments.find((a) => a.id === 'solrosen-1')!;
async function complete(h: Harness, instanceId: string, actor: { username: string; roles: string[] }, values: Record<string, unknown>) {
  const [task] = h.runtime.listTasks({ instanceId }, actor);
  await h.runtime.completeTask(task!.id, values, actor);
}

describe('housing register driven by process steps', () => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when an offer is accepted and the person moves in, then the apartment goes reserverad → bokad → uthyrd', async () => {
    // given
    h = await startHarness({ processes: ['engine/boka-lagenhet.bpmn'], housing });
    const { id } = await start(h, 'Brukare A');
    const reserved = apartment(h).status;
    // when
    await complete(h, id, formedlare, { svar: 'ja', inflyttningsdatum: '2027-03-01' });
    const booked = { ...apartment(h) };
    await complete(h, id, actors.enhetschef, {});
    // then
    expect([reserved, booked.status, apartment(h).status]).toEqual(['reserverad', 'bokad', 'uthyrd']);
    expect(apartment(h)).toMatchObject({ moveInDate: '2027-03-01' });
    const register = h.runtime.housingRegister();
    expect(register.queue).toEqual([expect.objectContaining({ applicant: 'Brukare A', decisionDate: '2027-01-15', instanceId: id, status: 'aktiv' })]);
    expect(register.offers).toEqual([expect.objectContaining({ apartmentId: 'solrosen-1', offerDate: '2027-01-15', answer: 'ja' })]);
    const history = await h.runtime.getHistory(id);
    expect(history.filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data])).toEqual([
      ['case.erbjudande', { date: '2027-01-15', reason: null }],
      ['case.verkstallt', { date: '2027-03-01', reason: null }],
    ]);
  });

  test('when the apartment is already reserved, then the second case takes the modelled error path', async () => {
    // given
    h = await startHarness({ processes: ['engine/boka-lagenhet.bpmn'], housing });
    await start(h, 'Brukare A');
    // when
    const second = await start(h, 'Brukare B');
    // then
    expect(h.runtime.getInstance(second.id).active).toEqual([{ elementId: 'valjAnnan', name: 'Välj en annan lägenhet' }]);
    expect(h.runtime.housingRegister().queue.filter((q) => q.instanceId === second.id)).toHaveLength(1);
  });

  test('when an offer is declined, then the reason is kept, the apartment is free again and the register survives a restart', async () => {
    // given
    h = await startHarness({ processes: ['engine/boka-lagenhet.bpmn'], housing });
    const { id } = await start(h, 'Brukare A');
    // when
    await complete(h, id, formedlare, { svar: 'nej', orsak: 'Vill bo närmare sin familj' });
    const before = h.runtime.housingRegister();
    await h.restart();
    // then
    expect(apartment(h)).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(h.runtime.housingRegister()).toEqual(before);
    expect(before.offers[0]).toMatchObject({ answer: 'nej', reason: 'Vill bo närmare sin familj' });
    expect((await h.runtime.getHistory(id)).find((e) => e.type === 'case.avbojt')).toMatchObject({ data: { reason: 'Vill bo närmare sin familj' } });
  });
});
