// Särskilt boende SoL per decision (processes/sol-sarskilt-boende.bpmn, seed 001): the person's case waits in the
// queue, gets the vacancy routine's offer by message, answers, moves in; a no keeps the decision open and reported.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { apartmentOf, completeTask, inboxOf, receivedAt, useHarness } from '../helpers/feature-steps.js';
import { answer, avgift, bistand, bookedAndOrdered, decide, enhetschef, ivo, offer, prioritise, reportVacancy, samordnare, solbacken, startSolRuntime } from './kits/sol-kit.js';

const harness = useHarness();

/** Sokande-A (decision 2027-01-15, from korttidsboende) waits; solbacken-12 is vacant, chosen for her and offered on 2027-02-03. */
async function offeredToA(): Promise<{ rt: RuntimeApi; decision: string; vacancy: string }> {
  const rt = await startSolRuntime(harness);
  const decision = await decide(rt, { businessKey: 'SÄBO-A' });
  const vacancy = await reportVacancy(rt, { klarForInflytt: '2027-02-01' });
  await prioritise(rt, vacancy, 'Sokande-A');
  await offer(rt, vacancy);
  return { rt, decision, vacancy };
}

const decisionOf = (rt: RuntimeApi, caseId: string) => rt.listDecisions({}).find((d) => d.instanceId === caseId);

describe('sol-sarskilt-boende', () => {
  test('when the decision is made, then the person is queued and the case waits for an offer with the decision in the register', async () => {
    // given
    const rt = await startSolRuntime(harness);
    // when
    const decision = await decide(rt, { brukare: 'Sokande-A', beslutsdatum: '2027-01-15' });
    // then
    expect(rt.housingRegister().queue).toEqual([expect.objectContaining({ applicant: 'Sokande-A', decisionDate: '2027-01-15', atKorttidsboende: true, status: 'aktiv', instanceId: decision })]);
    expect(rt.getInstance(decision).active.map((a) => a.elementId).sort()).toEqual(['ivoKvartal', 'vantarPaErbjudande', 'vantarPaVerkstallighet']);
    expect(decisionOf(rt, decision)).toMatchObject({ law: 'SoL', status: 'ej-verkstallt', beslutsdatum: '2027-01-15', person: 'Sokande-A', kon: 'kvinna' });
  });

  test('when the vacancy routine offers an apartment, then the person’s case records the offer and asks the enhetschef for the answer', async () => {
    // given / when
    const { rt, decision } = await offeredToA();
    // then
    expect(apartmentOf(rt, 'solbacken-12').status).toBe('reserverad');
    expect(rt.getInstance(decision).variables).toMatchObject({ lagenhetId: 'solbacken-12', erbjudandedatum: '2027-02-03', beskedsdatum: '2027-02-05', hyraSenastFran: '2027-02-10' });
    expect(rt.listTasks({ instanceId: decision }, enhetschef).map((t) => t.elementId)).toEqual(['registreraBesked']);
    const events = (await rt.getHistory(decision)).filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.date]);
    expect(events).toEqual([['case.erbjudande', '2027-02-03']]);
  });

  test('when the person says yes and moves in, then the apartment is let, the queue entry closed and the decision verkställt on the move-in day', async () => {
    // given
    const { rt, decision, vacancy } = await offeredToA();
    // when
    await answer(rt, decision, 'ja', '2027-02-04');
    const vacancyAfterYes = rt.getInstance(vacancy).state;
    await bookedAndOrdered(rt, decision, '2027-02-08', '2027-02-06');
    const booked = apartmentOf(rt, 'solbacken-12').status;
    await completeTask(rt, decision, 'verkstallBeslutet', { verkstallighetsdatum: '2027-02-08' }, enhetschef);
    await completeTask(rt, decision, 'avslutaHemtjanst', { hemtjanstbeslut: 'avslutat' }, bistand);
    // then
    expect(vacancyAfterYes).toBe('completed');
    expect(booked).toBe('bokad');
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'uthyrd', moveInDate: '2027-02-08' });
    expect(rt.housingRegister().queue).toEqual([expect.objectContaining({ applicant: 'Sokande-A', status: 'avslutad' })]);
    expect(rt.housingRegister().offers).toEqual([expect.objectContaining({ offerDate: '2027-02-03', answer: 'ja', answeredAt: '2027-02-04' })]);
    expect(rt.getInstance(decision).state).toBe('completed');
    expect(decisionOf(rt, decision)).toMatchObject({ status: 'verkstallt', verkstalltDatum: '2027-02-08' });
    expect(inboxOf(rt, avgift, decision).map((b) => b.subject).sort()).toEqual(['Inflyttningsdatum särskilt boende', 'Tillträdesdatum: kontrakt och hyra']);
  });

  test('when an offer message names an apartment or offer the register does not hold, then it is refused naming the variable and the case still waits', async () => {
    // given: Sokande-A's decision waits for an offer; only solbacken-12 exists, and it is let
    const rt = await startSolRuntime(harness);
    const decision = await decide(rt);
    // when
    const sent = rt.deliverMessage(decision, 'erbjudande', { lagenhetId: 'solbacken-12', offerId: 'finns-inte', erbjudandedatum: '2027-02-01', beskedsdatum: '2027-02-03', hyraSenastFran: '2027-02-08' }, bistand);
    // then
    await expect(sent).rejects.toMatchObject({ code: 'validation_failed', fields: expect.arrayContaining([{ field: 'lagenhetId', message: 'Välj en av lägenheterna i listan.' }, { field: 'offerId', message: 'Välj ett av erbjudandena i boenderegistret.' }]) });
    expect(rt.getInstance(decision).active.map((a) => a.elementId)).toContain('vantarPaErbjudande');
  });

  test('when the person says no, then their decision stays open and reported with the reason, and the apartment goes to the next applicant’s own case', async () => {
    // given
    const { rt, decision, vacancy } = await offeredToA();
    const other = await decide(rt, { brukare: 'Sokande-B', beslutsdatum: '2027-01-20', kon: 'man', franKorttidsboende: false });
    // when
    await answer(rt, decision, 'nej', '2027-02-05', 'Vill bo närmare dottern.');
    const afterNo = { apartment: apartmentOf(rt, 'solbacken-12').status, vacancyTasks: rt.listTasks({ instanceId: vacancy }, samordnare).map((t) => t.elementId) };
    await prioritise(rt, vacancy, 'Sokande-B');
    await offer(rt, vacancy, { erbjudandedatum: '2027-02-10', beskedsdatum: '2027-02-12' });
    await rt.moveClock({ to: '2027-07-01T08:00:00Z' });
    // then
    expect(afterNo).toEqual({ apartment: 'ledig', vacancyTasks: ['boendeprioritering'] });
    expect(rt.getInstance(decision).active.map((a) => a.elementId)).toContain('vantarPaErbjudande');
    expect(decisionOf(rt, decision)).toMatchObject({ status: 'ej-verkstallt' });
    expect(rt.listTasks({ instanceId: other }, enhetschef).map((t) => t.elementId)).toEqual(['registreraBesked']);
    expect(rt.getInstance(other).variables).toMatchObject({ erbjudandedatum: '2027-02-10', lagenhetId: 'solbacken-12' });
    const rows = rt.ivoReport('2027Q2').rows;
    expect(rows.find((r) => r.instanceId === decision)).toMatchObject({ rapporttyp: 'ny', brukare: 'Sokande-A', beslutsdatum: '2027-01-15', erbjudanden: ['2027-02-03'], tackatNej: [{ datum: '2027-02-05', orsak: 'Vill bo närmare dottern.' }] });
    expect(rows.find((r) => r.instanceId === other)).toMatchObject({ rapporttyp: 'ny', brukare: 'Sokande-B', erbjudanden: ['2027-02-10'], tackatNej: [] });
  });

  test('when nobody is offered an apartment for 3 months, then the IVO-rapportör is told, the reason for delay is asked for and lands in the IVO report', async () => {
    // given
    const rt = await startSolRuntime(harness);
    const decision = await decide(rt, { beslutsdatum: '2027-01-15' });
    // when
    await rt.moveClock({ to: '2027-04-14T21:59:00Z' });
    const before = inboxOf(rt, ivo, decision);
    await rt.moveClock({ to: '2027-04-20T08:00:00Z' });
    await completeTask(rt, decision, 'angeSkalTillDrojsmal', { orsakTillDrojsmal: 'Ingen ledig lägenhet på önskat boende.' }, samordnare);
    // then
    expect(before).toEqual([]);
    expect(receivedAt(rt, ivo, decision, 'Ej verkställt beslut: särskilt boende (SoL)')).toEqual(['2027-04-14T22:00:00.000Z']);
    expect(rt.ivoReport('2027Q2').rows).toEqual([expect.objectContaining({ instanceId: decision, processKey: 'sol-sarskilt-boende', rapporttyp: 'ny', beslutsdatum: '2027-01-15', rapporteringspliktigFran: '2027-04-15', erbjudanden: [], verkstalltDatum: null })]);
    expect(rt.ivoReport('2027Q2').rows[0]?.skalTillDrojsmal).toBe('Ingen ledig lägenhet på önskat boende.');
  });

  test('when the first quarter’s reason is still unanswered past the second quarter, then it stays the only reason task and answering it opens the next quarter’s at once', async () => {
    // given
    const rt = await startSolRuntime(harness);
    const decision = await decide(rt, { beslutsdatum: '2027-01-15' });
    const reasonTasks = () => rt.listTasks({ instanceId: decision }, samordnare).filter((t) => t.elementId === 'angeSkalTillDrojsmal');
    await rt.moveClock({ to: '2027-04-20T08:00:00Z' });
    const [first] = reasonTasks();
    // when
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });
    const pastSecondQuarter = reasonTasks();
    const waitingAtTheTask = rt.getInstance(decision).active.filter((a) => a.elementId === 'angeSkalTillDrojsmal').length;
    await completeTask(rt, decision, 'angeSkalTillDrojsmal', { orsakTillDrojsmal: 'Ingen ledig lägenhet på önskat boende.' }, samordnare);
    const afterFirstAnswer = reasonTasks();
    await completeTask(rt, decision, 'angeSkalTillDrojsmal', { orsakTillDrojsmal: 'Erbjuden lägenhet i juni, tackade nej.' }, samordnare);
    // then
    expect(first).toMatchObject({ createdAt: '2027-04-14T22:00:00.000Z', candidateGroups: ['boendesamordnare'] });
    expect(pastSecondQuarter.map((t) => t.id)).toEqual([first!.id]);
    expect(waitingAtTheTask).toBe(1);
    expect(afterFirstAnswer).toEqual([expect.objectContaining({ createdAt: '2027-07-20T08:00:00.000Z', due: '2027-07-27T08:00:00.000Z' })]);
    expect(afterFirstAnswer[0]!.id).not.toBe(first!.id);
    expect(reasonTasks()).toEqual([]);
    expect(rt.getInstance(decision).variables).toMatchObject({ ivoSkalDatum: '2027-10-15' });
    expect(rt.getInstance(decision).active.map((a) => a.elementId)).toContain('ivoKvartal');
    expect(receivedAt(rt, ivo, decision, 'Ej verkställt beslut: särskilt boende (SoL)')).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z']);
    expect(receivedAt(rt, samordnare, decision, 'Tre månader utan verkställighet')).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z']);
    expect(rt.ivoReport('2027Q2').rows).toEqual([expect.objectContaining({ instanceId: decision, rapporttyp: 'ny', rapporteringspliktigFran: '2027-04-15', skalTillDrojsmal: null, verkstalltDatum: null })]);
    expect(rt.ivoReport('2027Q3').rows).toEqual([expect.objectContaining({ instanceId: decision, rapporttyp: 'återrapport', rapporteringspliktigFran: '2027-04-15', skalTillDrojsmal: 'Erbjuden lägenhet i juni, tackade nej.', verkstalltDatum: null })]);
  });

  test('when the decision was made at a month end, then each quarter’s reason task comes the same day as the bevakningar', async () => {
    // given
    const rt = await startSolRuntime(harness);
    const decision = await decide(rt, { beslutsdatum: '2027-01-31' });
    const opened: string[] = [];
    // when
    for (const day of ['2027-05-02', '2027-08-02']) {
      await rt.moveClock({ to: `${day}T08:00:00Z` });
      const [task] = rt.listTasks({ instanceId: decision }, samordnare).filter((t) => t.elementId === 'angeSkalTillDrojsmal');
      opened.push(task!.createdAt);
      await completeTask(rt, decision, 'angeSkalTillDrojsmal', { orsakTillDrojsmal: 'Ingen ledig lägenhet.' }, samordnare);
    }
    // then
    expect(receivedAt(rt, ivo, decision, 'Ej verkställt beslut: särskilt boende (SoL)')).toEqual(['2027-04-29T22:00:00.000Z', '2027-07-29T22:00:00.000Z']);
    expect(opened).toEqual(['2027-04-29T22:00:00.000Z', '2027-07-29T22:00:00.000Z']);
  });

  test('when the decision is closed while an offer waits for the answer, then the apartment is released, the queue entry closed and the vacancy prioritised again', async () => {
    // given
    const { rt, decision, vacancy } = await offeredToA();
    // when
    await rt.deliverMessage(decision, 'beslutetAvslutat', { avslutsorsak: 'Den enskilde har avlidit.' }, bistand);
    // then
    expect(rt.getInstance(decision).state).toBe('completed');
    expect(decisionOf(rt, decision)).toMatchObject({ status: 'avslutat' });
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(rt.housingRegister().queue).toEqual([expect.objectContaining({ applicant: 'Sokande-A', status: 'avslutad' })]);
    expect(rt.listTasks({ instanceId: vacancy }, samordnare).map((t) => t.elementId)).toEqual(['boendeprioritering']);
  });

  test('when the decision is closed after the yes, then the booked apartment is released and the boendesamordnare is told', async () => {
    // given
    const { rt, decision } = await offeredToA();
    await answer(rt, decision, 'ja', '2027-02-04');
    await completeTask(rt, decision, 'meddelaTilltradesdatum', { tilltradesdatum: '2027-02-08' }, enhetschef);
    await completeTask(rt, decision, 'andraTillBokad', { kontraktsdatumNoterat: true }, avgift);
    // when
    await rt.deliverMessage(decision, 'beslutetAvslutat', { avslutsorsak: 'Ansökan återtagen.' }, bistand);
    // then
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(decisionOf(rt, decision)).toMatchObject({ status: 'avslutat' });
    expect(inboxOf(rt, samordnare, decision).map((b) => b.subject)).toContain('Beslutet har avslutats');
  });

  test('when the agreed answer day has passed without an answer, then the enhetschef is reminded the day after', async () => {
    // given
    const { rt, decision } = await offeredToA();
    // when
    await rt.moveClock({ to: '2027-02-05T22:59:00Z' });
    const onTheDay = receivedAt(rt, enhetschef, decision, 'Besked om lägenheten saknas');
    await rt.moveClock({ to: '2027-02-08T08:00:00Z' });
    // then
    expect(onTheDay).toEqual([]);
    expect(receivedAt(rt, enhetschef, decision, 'Besked om lägenheten saknas')).toEqual(['2027-02-05T23:00:00.000Z']);
  });

  test('when someone from korttidsboende has not moved in by day 7 from the offer, then enhetschef and boendesamordnare are told', async () => {
    // given
    const { rt, decision } = await offeredToA();
    await answer(rt, decision, 'ja', '2027-02-04');
    await bookedAndOrdered(rt, decision, '2027-02-09', '2027-02-02');
    // when
    await rt.moveClock({ to: '2027-02-10T22:59:00Z' });
    const onDaySeven = receivedAt(rt, enhetschef, decision, 'Flytten från korttidsboende har inte skett');
    await rt.moveClock({ to: '2027-02-12T08:00:00Z' });
    // then
    expect(onDaySeven).toEqual([]);
    expect(receivedAt(rt, enhetschef, decision, 'Flytten från korttidsboende har inte skett')).toEqual(['2027-02-10T23:00:00.000Z']);
    expect(receivedAt(rt, samordnare, decision, 'Flytten från korttidsboende har inte skett')).toEqual(['2027-02-10T23:00:00.000Z']);
  });

  test('when two apartments are offered to the same person at once, then the second vacancy is told and prioritises again', async () => {
    // given
    const rt = await startSolRuntime(harness, solbacken('12', '14'));
    await decide(rt);
    const first = await reportVacancy(rt);
    const second = await reportVacancy(rt, { lagenhetId: 'solbacken-14' });
    await prioritise(rt, first, 'Sokande-A');
    await prioritise(rt, second, 'Sokande-A');
    await offer(rt, first);
    // when
    await offer(rt, second);
    // then
    expect(apartmentOf(rt, 'solbacken-14')).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(rt.listTasks({ instanceId: second }, samordnare).map((t) => t.elementId)).toEqual(['boendeprioritering']);
    expect(apartmentOf(rt, 'solbacken-12').status).toBe('reserverad');
  });
});
