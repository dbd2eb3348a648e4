// Boendeprocess LSS (processes/lss-boende.bpmn): the IVO watch and the yearly follow-up while the decision waits for verkställighet.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { arbetsterapeut, enhetschef, formedling, handlaggare, intake, ivo, samordnare, solrosen, startLssBoende } from './kits/lss-boende-kit.js';

const harness = useHarness();

/** One round in the team and at Boendeförmedlingen: match, offer, viewing and the person's answer. */
async function offerRound(rt: RuntimeApi, id: string, offerDate: string, svar: 'ja' | 'nej') {
  await completeTask(rt, id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
  await completeTask(rt, id, 'erbjudBostad', { erbjudandedatum: offerDate }, formedling);
  await completeTask(rt, id, 'studiebesok', { studiebesoksdatum: offerDate }, enhetschef);
  await completeTask(rt, id, 'registreraSvar', { svar, svarsdatum: offerDate }, formedling);
}

/** A decline that the handläggare follows up: the need remains, so the team takes the case up again. */
async function declinedAndBackToTeam(rt: RuntimeApi, id: string, offerDate: string) {
  await offerRound(rt, id, offerDate, 'nej');
  await completeTask(rt, id, 'rapporteraNej', { avbojandeorsak: 'Vill bo närmare familjen.' }, formedling);
  await completeTask(rt, id, 'taStallningTillBehovet', { behovetKvarstar: 'ja', uppfoljningsmote: true }, handlaggare);
  await completeTask(rt, id, 'bedomPlacering', { placering: 'intern', bedomning: 'Fortsatt egen regi.' }, arbetsterapeut);
}

/** The samordnare's open summaries before IVO (sammanfattaInforIvo) in the case. */
function summaryTasks(rt: RuntimeApi, id: string) {
  return rt.listTasks({ instanceId: id }, samordnare).filter((t) => t.elementId === 'sammanfattaInforIvo');
}

async function moveIn(rt: RuntimeApi, id: string, date: string) {
  await completeTask(rt, id, 'kallaTillOverrapport', { overrapporteringsmote: date }, arbetsterapeut);
  await completeTask(rt, id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: date }, enhetschef);
  await completeTask(rt, id, 'hanteraHyreskontrakt', { kontraktsdatum: date }, formedling);
  await completeTask(rt, id, 'dokumenteraOchKuben', { inflyttningsdatumDokumenterat: date, kubenRegistrerad: date }, arbetsterapeut);
  await completeTask(rt, id, 'oppnaVerkstallighet', { inflyttningsdatum: date }, enhetschef);
}

describe('lss-boende: IVO and yearly follow-up', () => {
  test('when the decision of 2027-01-15 is not executed, then the IVO-rapportör is watched on 2027-04-15 and 2027-07-15 despite new matching rounds, and never after verkställighet', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await intake(rt, id);
    await rt.moveClock({ to: '2027-02-10T08:00:00Z' });
    await declinedAndBackToTeam(rt, id, '2027-02-10');

    // when
    await rt.moveClock({ to: '2027-04-14T21:59:00Z' });
    const beforeThreeMonths = inboxOf(rt, ivo, id).length;
    await rt.moveClock({ to: '2027-05-10T08:00:00Z' });
    await declinedAndBackToTeam(rt, id, '2027-05-10');
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });
    await offerRound(rt, id, '2027-07-20', 'ja');
    await moveIn(rt, id, '2027-08-02');
    await rt.moveClock({ to: '2028-04-16T08:00:00Z' });

    // then
    expect(beforeThreeMonths).toBe(0);
    const watched = inboxOf(rt, ivo, id);
    expect(watched.map((b) => b.createdAt).sort()).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z']);
    expect(watched[0]?.body).toContain('2027-01-15');
    expect(rt.getInstance(id).state).toBe('completed');
    expect(rt.ivoReport('2027Q2').rows).toEqual([
      expect.objectContaining({ instanceId: id, rapporttyp: 'ny', kon: 'kvinna', beslutsdatum: '2027-01-15', erbjudanden: ['2027-02-10', '2027-05-10'] }),
    ]);
    expect(rt.ivoReport('2027Q3').rows).toEqual([expect.objectContaining({ instanceId: id, rapporttyp: 'verkställt', verkstalltDatum: '2027-08-02' })]);
    expect(rt.ivoReport('2027Q4').rows).toEqual([]);
  });

  test('when 3 months pass, then the samordnare writes the summary and its reason becomes the reason for the delay in the IVO report', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await intake(rt, id);

    // when
    await rt.moveClock({ to: '2027-04-15T08:00:00Z' });
    const summaryTask = rt.listTasks({ instanceId: id }, samordnare).find((t) => t.elementId === 'sammanfattaInforIvo');
    await completeTask(rt, id, 'sammanfattaInforIvo', { orsakTillDrojsmal: 'Ingen ledig gruppbostad med rätt profil.', vidtagnaAtgarder: 'Bevakar nybyggnationen.' }, samordnare);

    // then
    expect(summaryTask).toMatchObject({ candidateGroups: ['samordnare-externa'], due: '2027-04-21T22:00:00.000Z' });
    expect(rt.ivoReport('2027Q2').rows).toEqual([
      expect.objectContaining({ instanceId: id, skalTillDrojsmal: expect.stringContaining('Ingen ledig gruppbostad med rätt profil.') }),
    ]);
    expect(openTasks(rt, id)).toEqual(['matchaBostad']);
  });

  test('when a decision still waits after a year, then the LSS-handläggare follows it up every year and IVO keeps being watched every quarter', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await intake(rt, id);

    // when
    await rt.moveClock({ to: '2028-01-16T08:00:00Z' });
    const followUps = rt.listTasks({ instanceId: id }, handlaggare).map((t) => t.name);
    await completeTask(rt, id, 'foljUppBeslutet', { uppfoljningsdatum: '2028-01-16', uppfoljningAnteckning: 'Behovet kvarstår.' }, handlaggare);
    await rt.moveClock({ to: '2029-01-16T08:00:00Z' });

    // then
    expect(followUps).toEqual(['Följ upp beslutet (årlig uppföljning)']);
    expect(rt.listTasks({ instanceId: id }, handlaggare).map((t) => t.elementId)).toEqual(['foljUppBeslutet']);
    expect(inboxOf(rt, ivo, id)).toHaveLength(8);
    expect(rt.getInstance(id).state).toBe('running');
  });

  test('when the decision is 13 months old on the day the case starts, then one IVO bevakning goes out now naming the four past quarters, and the next comes 3 months after the latest', async () => {
    // given
    const { rt, id } = await startLssBoende(harness, solrosen, { beslutsdatum: '2025-12-15' });
    await intake(rt, id);

    // when
    const atStart = inboxOf(rt, ivo, id);
    const summaries = rt.listTasks({ instanceId: id }, samordnare).filter((t) => t.elementId === 'sammanfattaInforIvo');
    await rt.moveClock({ to: '2027-03-14T22:59:00Z' });
    const beforeNext = inboxOf(rt, ivo, id).length;
    await rt.moveClock({ to: '2027-03-15T08:00:00Z' });

    // then
    expect(atStart.map((b) => b.createdAt)).toEqual(['2027-01-15T08:00:00.000Z']);
    expect(atStart[0]?.body).toContain('2025-12-15');
    expect(summaries).toHaveLength(1);
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type === 'timer.fired' && e.elementId === 'treManaderEjVerkstallt').map((e) => e.data)).toEqual([
      { dueAt: '2026-12-14T23:00:00.000Z', missedPeriods: ['2026-03-14T23:00:00.000Z', '2026-06-14T22:00:00.000Z', '2026-09-14T22:00:00.000Z', '2026-12-14T23:00:00.000Z'] },
      { dueAt: '2027-03-14T23:00:00.000Z' },
    ]);
    expect(beforeNext).toBe(1);
    expect(inboxOf(rt, ivo, id).map((b) => b.createdAt)).toEqual(['2027-01-15T08:00:00.000Z', '2027-03-14T23:00:00.000Z']);
  });

  test('when the clock moves across two quarters after such a catch-up, then the IVO-rapportör gets one bevakning on each', async () => {
    // given
    const { rt, id } = await startLssBoende(harness, solrosen, { beslutsdatum: '2025-12-15' });
    await intake(rt, id);

    // when
    await rt.moveClock({ to: '2027-06-16T08:00:00Z' });

    // then
    expect(inboxOf(rt, ivo, id).map((b) => b.createdAt)).toEqual(['2027-01-15T08:00:00.000Z', '2027-03-14T23:00:00.000Z', '2027-06-14T22:00:00.000Z']);
  });

  test('when the first summary is left unanswered past the second quarter, then only one summary is open at a time, answering it opens the second quarter\'s at once, and the IVO-rapportör is watched on both dates', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await intake(rt, id);
    await rt.moveClock({ to: '2027-08-15T08:00:00Z' });

    // when
    const unanswered = summaryTasks(rt, id);
    await completeTask(rt, id, 'sammanfattaInforIvo', { orsakTillDrojsmal: 'Ingen ledig gruppbostad med rätt profil.', vidtagnaAtgarder: 'Bevakar nybyggnationen.' }, samordnare);
    const afterFirst = summaryTasks(rt, id);
    await completeTask(rt, id, 'sammanfattaInforIvo', { orsakTillDrojsmal: 'Fortfarande ingen ledig gruppbostad.', vidtagnaAtgarder: 'Erbjudande väntas i september.' }, samordnare);
    const afterSecond = summaryTasks(rt, id);
    await rt.moveClock({ to: '2027-10-15T08:00:00Z' });

    // then
    expect(unanswered).toEqual([expect.objectContaining({ createdAt: '2027-04-14T22:00:00.000Z', due: '2027-04-21T22:00:00.000Z' })]);
    expect(afterFirst).toEqual([expect.objectContaining({ createdAt: '2027-08-15T08:00:00.000Z', due: '2027-08-22T08:00:00.000Z' })]);
    expect(afterFirst[0]?.id).not.toBe(unanswered[0]?.id);
    expect(afterSecond).toEqual([]);
    expect(summaryTasks(rt, id)).toEqual([expect.objectContaining({ createdAt: '2027-10-14T22:00:00.000Z' })]);
    expect(inboxOf(rt, ivo, id).map((b) => b.createdAt)).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z', '2027-10-14T22:00:00.000Z']);
    expect(rt.ivoReport('2027Q3').rows).toEqual([
      expect.objectContaining({ instanceId: id, skalTillDrojsmal: expect.stringContaining('Fortfarande ingen ledig gruppbostad.') }),
    ]);
  });

  test('when the decision is 13 months old on the day the case starts, then one summary and one follow-up cover the missed periods, and the next ones open on their own dates', async () => {
    // given
    const { rt, id } = await startLssBoende(harness, solrosen, { beslutsdatum: '2025-12-15' });
    await intake(rt, id);

    // when
    await completeTask(rt, id, 'sammanfattaInforIvo', { orsakTillDrojsmal: 'Ärendet registrerades sent.', vidtagnaAtgarder: 'Kartläggningen är gjord.' }, samordnare);
    await completeTask(rt, id, 'foljUppBeslutet', { uppfoljningsdatum: '2027-01-15' }, handlaggare);
    const afterAnswers = openTasks(rt, id);
    await rt.moveClock({ to: '2027-12-15T08:00:00Z' });

    // then
    expect(afterAnswers).toEqual(['matchaBostad']);
    expect(summaryTasks(rt, id)).toEqual([expect.objectContaining({ createdAt: '2027-03-14T23:00:00.000Z' })]);
    expect(rt.listTasks({ instanceId: id }, handlaggare).filter((t) => t.elementId === 'foljUppBeslutet')).toEqual([
      expect.objectContaining({ createdAt: '2027-12-14T23:00:00.000Z' }),
    ]);
  });
});
