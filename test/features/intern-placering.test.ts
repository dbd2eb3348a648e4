// Accepted offer, reminder and IVO watch of processes/intern-placering.bpmn (Ystad) on the runtime with the manual clock.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { admin, completeTask, inboxOf, useHarness } from '../helpers/feature-steps.js';
import { avgiftshandlaggare, bistand, caseEvents, enhetschef, ivoRapportor, startInternPlacering, utforare } from './kits/intern-placering-kit.js';

const harness = useHarness();

async function startCase(beslutsdatum = '2027-01-15'): Promise<{ rt: RuntimeApi; id: string }> {
  const variables = { beslutsdatum, brukare: 'Brukare-21', kon: 'kvinna', lag: 'SoL', insats: 'Särskilt boende för äldre, SoL', ursprung: 'nyttBeslut' } as const;
  // The clock never stands before the decision: a decision date after today is refused as implausible.
  return startInternPlacering(harness, variables, bistand, { start: `${beslutsdatum > '2027-01-15' ? beslutsdatum : '2027-01-15'}T08:00:00Z` });
}

/** Myndigheten anvisar, the enhetschef offers and the person accepts with a planned move-in date. */
async function offerAndAccept(rt: RuntimeApi, id: string) {
  await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, bistand);
  await completeTask(rt, id, 'anvisaLedigLagenhet', { lagenhetId: 'solgarden-12' }, bistand);
  await completeTask(rt, id, 'erbjudLagenheten', { erbjudandedatum: '2027-01-18', visningsdatum: '2027-01-20' }, enhetschef);
  await completeTask(rt, id, 'svarPaErbjudandet', { svar: 'ja' }, enhetschef);
  await completeTask(rt, id, 'boka', { planeratInflyttningsdatum: '2027-02-01' }, enhetschef);
}

describe('intern-placering', () => {
  test('when the person accepts and moves in, then the register follows each step and verkställighet is the real move-in day', async () => {
    // given
    const { rt, id } = await startCase();
    const queued = rt.housingRegister().queue;

    // when
    await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, bistand);
    await completeTask(rt, id, 'anvisaLedigLagenhet', { lagenhetId: 'solgarden-12' }, bistand);
    const afterReservation = rt.housingRegister().apartments[0]?.status;
    const offerTasks = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.name);
    await completeTask(rt, id, 'erbjudLagenheten', { erbjudandedatum: '2027-01-18', visningsdatum: '2027-01-20' }, enhetschef);
    await completeTask(rt, id, 'svarPaErbjudandet', { svar: 'ja' }, enhetschef);
    await completeTask(rt, id, 'boka', { planeratInflyttningsdatum: '2027-02-01' }, enhetschef);
    const afterBooking = rt.housingRegister().apartments[0];
    await completeTask(rt, id, 'skickaBestallningar', { bestallningarSkickade: true, halsoOchSjukvardInformeradOmJa: true }, bistand);
    const moveInTask = rt.listTasks({ instanceId: id }, enhetschef)[0];
    await completeTask(rt, id, 'verkstallBestallningarna', { inflyttningsdatum: '2027-02-03' }, enhetschef);
    const myndighetTasks = rt.listTasks({ instanceId: id }, bistand).map((t) => t.elementId);
    await completeTask(rt, id, 'avslutaOrdinartBoende', { ordinartBoendeAvslutat: true }, bistand);

    // then
    expect(queued).toMatchObject([{ applicant: 'Brukare-21', decisionDate: '2027-01-15', status: 'aktiv', instanceId: id }]);
    expect(afterReservation).toBe('reserverad');
    expect(offerTasks).toEqual(['Erbjud lägenheten och föreslå visning']);
    expect(afterBooking).toMatchObject({ status: 'bokad', moveInDate: '2027-02-01' });
    expect(moveInTask).toMatchObject({ name: 'Verkställ beställningarna från inflyttningsdagen', due: '2027-01-31T23:00:00.000Z' });
    expect(myndighetTasks).toEqual(['avslutaOrdinartBoende']);
    expect(rt.housingRegister().apartments[0]).toMatchObject({ status: 'uthyrd', moveInDate: '2027-02-03' });
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad' });
    expect(rt.housingRegister().offers[0]).toMatchObject({ offerDate: '2027-01-18', answer: 'ja' });
    expect(inboxOf(rt, utforare, id).map((b) => b.subject)).toEqual(['Personen har tackat ja till lägenhet', 'Bekräftelse: inflyttningen har ägt rum']);
    expect(inboxOf(rt, avgiftshandlaggare, id).map((b) => b.body)).toEqual(['Personen har flyttat in i lägenhet Solgården 12 den 2027-02-03.']);
    expect(await caseEvents(rt, id)).toEqual([['case.erbjudande', '2027-01-18', null], ['case.verkstallt', '2027-02-03', null]]);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when no answer has come 3 days after the offer, then the enhetschef gets one reminder (the named default)', async () => {
    // given
    const { rt, id } = await startCase();
    await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, bistand);
    await completeTask(rt, id, 'anvisaLedigLagenhet', { lagenhetId: 'solgarden-12' }, bistand);
    await completeTask(rt, id, 'erbjudLagenheten', { erbjudandedatum: '2027-01-15', visningsdatum: '2027-01-16' }, enhetschef);

    // when
    await rt.moveClock({ to: '2027-01-18T07:59:00Z' });
    const before = inboxOf(rt, enhetschef, id).length;
    await rt.moveClock({ to: '2027-01-25T08:00:00Z' });

    // then
    expect(before).toBe(0);
    expect(inboxOf(rt, enhetschef, id).map((b) => [b.subject, b.createdAt])).toEqual([['Påminnelse: svar på erbjudandet saknas', '2027-01-18T08:00:00.000Z']]);
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId)).toEqual(['svarPaErbjudandet']);
  });

  test('when the decision is not executed, then the IVO-rapportör is watched 3 and 6 months after beslutsdatum, the reason is recorded, and the watch ends with verkställighet', async () => {
    // given
    const { rt, id } = await startCase('2027-01-15');

    // when
    await rt.moveClock({ to: '2027-04-14T21:59:00Z' });
    const beforeThreeMonths = inboxOf(rt, ivoRapportor, id).length;
    await rt.moveClock({ to: '2027-07-15T08:00:00Z' });
    const firstReason = rt.listTasks({ instanceId: id }, bistand).filter((t) => t.elementId === 'angeSkalTillDrojsmal');
    await completeTask(rt, id, 'angeSkalTillDrojsmal', { skalTillDrojsmal: 'Ingen ledig lägenhet med rätt profil.' }, bistand);
    const secondReason = rt.listTasks({ instanceId: id }, bistand).filter((t) => t.elementId === 'angeSkalTillDrojsmal');
    await offerAndAccept(rt, id);
    await completeTask(rt, id, 'skickaBestallningar', { bestallningarSkickade: true }, bistand);
    await completeTask(rt, id, 'verkstallBestallningarna', { inflyttningsdatum: '2027-08-02' }, enhetschef);
    await rt.moveClock({ to: '2028-04-20T08:00:00Z' });

    // then
    expect(beforeThreeMonths).toBe(0);
    // The first reason was answered only on 2027-07-15 08:00, after the second watch date: the second watch comes right after it.
    expect(inboxOf(rt, ivoRapportor, id).map((b) => b.createdAt)).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-15T08:00:00.000Z']);
    expect(inboxOf(rt, ivoRapportor, id)[0]?.body).toContain('från 2027-01-15 är inte verkställt den 2027-04-15');
    expect(inboxOf(rt, ivoRapportor, id)[1]?.body).toContain('från 2027-01-15 är inte verkställt den 2027-07-15');
    // The reason task is part of the quarterly loop: one question at a time.
    expect(firstReason.map((t) => t.due)).toEqual(['2027-04-28T22:00:00.000Z']);
    expect(secondReason.map((t) => t.due)).toEqual(['2027-07-29T08:00:00.000Z']);
    expect(rt.listTasks({ instanceId: id }, admin).map((t) => t.elementId).sort()).toEqual(['angeSkalTillDrojsmal', 'avslutaOrdinartBoende']);
    expect(await caseEvents(rt, id)).toEqual([
      ['case.drojsmal', '2027-07-15', 'Ingen ledig lägenhet med rätt profil.'],
      ['case.erbjudande', '2027-01-18', null],
      ['case.verkstallt', '2027-08-02', null],
    ]);
  });

  test('when beslutsdatum is the 31st, then the watches fall on the last day of the month without drifting', async () => {
    // given
    const { rt, id } = await startCase('2027-01-31');

    // when
    for (const answeredOn of ['2027-05-01T08:00:00Z', '2027-08-01T08:00:00Z']) {
      await rt.moveClock({ to: answeredOn });
      await completeTask(rt, id, 'angeSkalTillDrojsmal', { skalTillDrojsmal: 'Ingen ledig lägenhet med rätt profil.' }, bistand);
    }
    await rt.moveClock({ to: '2027-11-01T08:00:00Z' });

    // then
    expect(inboxOf(rt, ivoRapportor, id).map((b) => b.createdAt)).toEqual(['2027-04-29T22:00:00.000Z', '2027-07-30T22:00:00.000Z', '2027-10-30T22:00:00.000Z']);
    expect(inboxOf(rt, admin, id).filter((b) => b.group === 'ivo-rapportor')).toHaveLength(3);
  });

  test('when a quarter’s reason is still open on the next watch date, then nothing waits behind it and the next watch and reason come once it is answered', async () => {
    // given
    const { rt, id } = await startCase('2027-01-15');
    await rt.moveClock({ to: '2027-05-01T08:00:00Z' });

    // when
    await rt.moveClock({ to: '2027-08-01T08:00:00Z' });
    const whileOpen = {
      reasons: rt.listTasks({ instanceId: id }, bistand).filter((t) => t.elementId === 'angeSkalTillDrojsmal').map((t) => t.due),
      watches: inboxOf(rt, ivoRapportor, id).length,
      timers: rt.getInstance(id).waitingFor.filter((w) => w.type === 'timer').map((w) => w.elementId),
    };
    await completeTask(rt, id, 'angeSkalTillDrojsmal', { skalTillDrojsmal: 'Ingen ledig lägenhet med rätt profil.' }, bistand);
    const secondReason = rt.listTasks({ instanceId: id }, bistand).filter((t) => t.elementId === 'angeSkalTillDrojsmal').map((t) => t.due);
    await completeTask(rt, id, 'angeSkalTillDrojsmal', { skalTillDrojsmal: 'Fortfarande ingen ledig lägenhet.' }, bistand);
    await rt.moveClock({ to: '2027-10-20T08:00:00Z' });

    // then
    expect(whileOpen).toEqual({ reasons: ['2027-04-28T22:00:00.000Z'], watches: 1, timers: [] });
    expect(secondReason).toEqual(['2027-08-15T08:00:00.000Z']);
    expect(inboxOf(rt, ivoRapportor, id).map((b) => [b.createdAt, b.body.match(/den (\d{4}-\d{2}-\d{2})\./)?.[1]])).toEqual([
      ['2027-04-14T22:00:00.000Z', '2027-04-15'],
      ['2027-08-01T08:00:00.000Z', '2027-07-15'],
      ['2027-10-14T22:00:00.000Z', '2027-10-15'],
    ]);
    const created = (await rt.getHistory(id)).filter((e) => e.type === 'task.created' && e.elementId === 'angeSkalTillDrojsmal').map((e) => e.at);
    expect(created).toEqual(['2027-04-14T22:00:00.000Z', '2027-08-01T08:00:00.000Z', '2027-10-14T22:00:00.000Z']);
    expect(rt.listTasks({ instanceId: id }, bistand).filter((t) => t.elementId === 'angeSkalTillDrojsmal')).toHaveLength(1);
  });

  test('when Myndigheten closes the decision after the booking, then the apartment is released, the queue entry ended, the decision avslutat and the case ends', async () => {
    // given
    const { rt, id } = await startCase();
    await offerAndAccept(rt, id);
    const booked = rt.housingRegister().apartments[0]?.status;
    // when
    await rt.deliverMessage(id, 'Beslutet avslutat', { avslutsorsak: 'Personen har flyttat till en annan kommun.' }, bistand);
    // then
    expect(booked).toBe('bokad');
    expect(rt.housingRegister().apartments[0]).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad', closedReason: 'Personen har flyttat till en annan kommun.' });
    expect(rt.decisionOfCase(id)).toMatchObject({ status: 'avslutat' });
    expect(rt.getInstance(id).state).toBe('completed');
    expect(rt.listTasks({ instanceId: id }, admin)).toEqual([]);
  });
});
