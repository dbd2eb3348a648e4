// The vacancy routine of processes/sol-lagenhetserbjudande.bpmn (seed 001): vacancy, boendeprioritering, reservation,
// the call; the applicant is picked from the queue by name and queue date, and the offer goes to their decision case.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { apartmentOf, completeTask, inboxOf, receivedAt, useHarness } from '../helpers/feature-steps.js';
import { avgift, bistand, decide, enhetschef, offer, prioritise, reportVacancy, samordnare, solbacken, startSolRuntime } from './kits/sol-kit.js';

const harness = useHarness();

/** Sokande-A waits in the queue; solbacken-12 is reported vacant on 2027-02-01 and registered ledig. */
async function vacancyRegistered(klarForInflytt = '2027-02-05'): Promise<{ rt: RuntimeApi; vacancy: string; decision: string }> {
  const rt = await startSolRuntime(harness);
  const decision = await decide(rt, { franKorttidsboende: false });
  const vacancy = await reportVacancy(rt, { ledighetsorsak: 'avliden', utflyttningsdatum: '2027-01-30', klarForInflytt, lagenhetStorlek: '1 rum och kök, 32 m²' });
  return { rt, vacancy, decision };
}

describe('sol-lagenhetserbjudande', () => {
  test('when the apartment becomes vacant, then the three mailboxes are told, it is registered ledig and the case carries no decision of its own', async () => {
    // given / when
    const { rt, vacancy } = await vacancyRegistered();
    // then
    expect(inboxOf(rt, samordnare, vacancy).map((b) => b.subject)).toEqual(['En lägenhet har blivit ledig']);
    expect(inboxOf(rt, bistand, vacancy).map((b) => b.body)).toEqual(['Lägenhet Solbackens äldreboende 12 på särskilt boende har blivit ledig (brukaren har avlidit).']);
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'ledig', readyDate: '2027-02-05' });
    expect(rt.listTasks({ instanceId: vacancy }, samordnare).map((t) => t.name)).toEqual(['Boendeprioritering: välj sökande till lägenheten']);
    expect(rt.listDecisions({}).map((d) => d.instanceId)).not.toContain(vacancy);
  });

  test('when the boendesamordnare picks the applicant by the name in the queue, then the apartment is reserved on their queue entry and the enhetschef gets the reservation', async () => {
    // given
    const { rt, vacancy } = await vacancyRegistered();
    // when
    await prioritise(rt, vacancy, 'Sokande-A');
    // then
    const entry = rt.housingRegister().queue[0]!;
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'reserverad', queueEntryId: entry.id });
    const reservation = inboxOf(rt, enhetschef, vacancy).find((b) => b.subject.startsWith('Reservationsmeddelande'));
    expect(reservation?.body).toContain('Solbackens äldreboende 12');
    expect(reservation?.body).not.toContain('solbacken-12');
    expect(reservation?.body).toContain('Sokande-A');
    expect(rt.listTasks({ instanceId: vacancy }, enhetschef).map((t) => t.elementId)).toEqual(['ringOchErbjud']);
  });

  test("when an applicant who is not among the queue's choices is sent, then it is refused naming the field and the prioritering stays open", async () => {
    // given
    const { rt, vacancy } = await vacancyRegistered();
    const task = rt.listTasks({ instanceId: vacancy }, samordnare).find((t) => t.elementId === 'boendeprioritering')!;
    // when
    const sent = rt.completeTask(task.id, { sokande: 'Någon-Annan', prioriteringsgrund: 'Längst kötid.', dialogOmRum: false }, samordnare);
    // then
    await expect(sent).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'sokande', message: 'Välj en av de sökande i kön i listan.' }] });
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(rt.listTasks({ instanceId: vacancy }, samordnare).map((t) => t.elementId)).toEqual(['boendeprioritering']);
  });

  test("when the apartment is registered vacant, then its own boende's enhetschef gets the offer's tasks and bevakningar, and another boende's does not", async () => {
    // given: enhetschefer tied to their boenden; the vacancy is at Solbacken
    const own = { username: 'ec-solbacken', roles: ['enhetschef'], units: ['solbacken'] };
    const other = { username: 'ec-ekbacken', roles: ['enhetschef'], units: ['ekbacken'] };
    const { rt, vacancy, decision } = await vacancyRegistered();
    // when
    await prioritise(rt, vacancy, 'Sokande-A');
    await offer(rt, vacancy);
    // then
    expect(rt.getInstance(vacancy).variables).toMatchObject({ enhet: 'solbacken' });
    expect(inboxOf(rt, own, vacancy).map((b) => b.subject)).toContain('Reservationsmeddelande: lägenhet att erbjuda');
    expect(inboxOf(rt, other, vacancy)).toEqual([]);
    expect(rt.listTasks({ instanceId: decision }, own).map((t) => t.elementId)).toEqual(['registreraBesked']);
    expect(rt.listTasks({ instanceId: decision }, other)).toEqual([]);
  });

  test('when the offer is made, then rent runs from day 10 for someone from their own home, and never before the apartment is ready', async () => {
    // given
    const early = await vacancyRegistered('2027-02-01');
    await prioritise(early.rt, early.vacancy, 'Sokande-A');
    // when
    await offer(early.rt, early.vacancy);
    // then
    expect(early.rt.getInstance(early.decision).variables).toMatchObject({ hyraSenastFran: '2027-02-13' });
    const late = await vacancyRegistered('2027-02-20');
    await prioritise(late.rt, late.vacancy, 'Sokande-A');
    await offer(late.rt, late.vacancy);
    expect(late.rt.getInstance(late.decision).variables).toMatchObject({ hyraSenastFran: '2027-02-20' });
  });

  test('when the offer is not registered within the default 3 days, then the enhetschef is reminded once', async () => {
    // given
    const { rt, vacancy } = await vacancyRegistered();
    await prioritise(rt, vacancy, 'Sokande-A');
    // when
    await rt.moveClock({ to: '2027-02-04T07:59:00Z' });
    const before = receivedAt(rt, enhetschef, vacancy, 'Påminnelse: erbjud den reserverade lägenheten');
    await rt.moveClock({ to: '2027-02-10T08:00:00Z' });
    // then
    expect(before).toEqual([]);
    expect(receivedAt(rt, enhetschef, vacancy, 'Påminnelse: erbjud den reserverade lägenheten')).toEqual(['2027-02-04T08:00:00.000Z']);
  });

  test('when the apartment waits for boendeprioritering, then the boendesamordnare is reminded every week', async () => {
    // given
    const { rt, vacancy } = await vacancyRegistered();
    // when
    await rt.moveClock({ to: '2027-02-16T08:00:00Z' });
    // then
    expect(receivedAt(rt, samordnare, vacancy, 'Ledig lägenhet väntar på boendeprioritering')).toEqual(['2027-02-08T08:00:00.000Z', '2027-02-15T08:00:00.000Z']);
  });

  test('when an apartment that is not let is reported vacant, then the start is refused naming the field and no case starts', async () => {
    // given
    const rt = await startSolRuntime(harness, solbacken('12', '14'));
    const before = rt.listInstances({}).length;
    // when
    const started = reportVacancy(rt, { lagenhetId: 'solbacken-99' });
    // then
    await expect(started).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'lagenhetId', message: 'Välj en av lägenheterna i listan.' }] });
    expect(rt.listInstances({})).toHaveLength(before);
  });

  test("when the same apartment is reported vacant twice, then the second report does not undo the first one's reservation and the avgiftshandläggare picks the apartment again", async () => {
    // given
    const rt = await startSolRuntime(harness, solbacken('12', '14'));
    await decide(rt);
    // The second report is made while the apartment is still let; once it is ledig the start form no longer offers it.
    const second = await rt.startInstance('sol-lagenhetserbjudande', { variables: { lagenhetId: 'solbacken-12', ledighetsorsak: 'flyttat' } }, enhetschef);
    const first = await reportVacancy(rt);
    await prioritise(rt, first, 'Sokande-A');
    // when
    await completeTask(rt, second.id, 'journalforUtflyttning', { utflyttningsdatum: '2027-01-31' }, avgift);
    await completeTask(rt, second.id, 'meddelaKlarForInflytt', { klarForInflytt: '2027-02-03' }, enhetschef);
    await completeTask(rt, second.id, 'registreraLedigLagenhet', { lagenhetStorlek: '1 rum, 32 m²', hyra: 6500 }, avgift);
    // then
    expect(apartmentOf(rt, 'solbacken-12').status).toBe('reserverad');
    expect(rt.listTasks({ instanceId: second.id }, avgift).map((t) => t.elementId)).toEqual(['rattaLagenhetId']);
    await completeTask(rt, second.id, 'rattaLagenhetId', { lagenhetId: 'solbacken-14' }, avgift);
    expect(apartmentOf(rt, 'solbacken-14').status).toBe('ledig');
  });

  test('when the enhetschef finds the room unsuitable in the dialog, then the apartment goes back to boendeprioritering unreserved', async () => {
    // given
    const { rt, vacancy } = await vacancyRegistered();
    await prioritise(rt, vacancy, 'Sokande-A', true);
    // when
    await completeTask(rt, vacancy, 'dialogOmLampligtRum', { lagenhetenLamplig: false, dialogKommentar: 'Rummet i plan 2 passar bättre.' }, enhetschef);
    // then
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(rt.listTasks({ instanceId: vacancy }, samordnare).map((t) => t.elementId)).toEqual(['boendeprioritering']);
  });
});
