// IVO watch of processes/sol-lagenhetserbjudande.bpmn: from the chosen applicant's beslutsdatum until the move-in day.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { completeTask, inboxOf, useHarness } from '../helpers/feature-steps.js';
import { acceptedAndOrdered, bistand, enhetschef, ivo, offered, reportVacancy, samordnare, startSolRuntime } from './kits/sol-lagenhetserbjudande-kit.js';

const harness = useHarness();

/** Vacancy on 2027-02-01; an applicant with this beslutsdatum chosen the same day. */
async function applicantChosen(beslutsdatum: string): Promise<{ rt: RuntimeApi; id: string }> {
  const rt = await startSolRuntime(harness);
  const id = await reportVacancy(rt, { businessKey: 'SÄBO-12' });
  const sokande = {
    brukare: 'Sokande-C', beslutsdatum, kon: 'kvinna', koplats: 'ny', franKorttidsboende: false, prioriteringsgrund: 'Kötid.',
    behov: 'Omvårdnad dygnet runt.', hemtjanstgrupp: 'Hemtjänst Syd', kontaktuppgifter: 'Make, 070-222 22 22', dialogOmRum: false,
  };
  await completeTask(rt, id, 'boendeprioritering', sokande, samordnare);
  return { rt, id };
}

/** Offer on 2027-02-03, yes, booked for 2027-02-13 and ordered; the move-in has not happened yet. */
async function acceptedButNotMovedIn(rt: RuntimeApi, id: string) {
  await offered(rt, id);
  await acceptedAndOrdered(rt, id, '2027-02-13', '2027-02-10');
}

describe('sol-lagenhetserbjudande, IVO-bevakning', () => {
  test('when the move-in is delayed, then the IVO-rapportör is watched 3 months after beslutsdatum and every 3 months, never after verkställighet', async () => {
    // given
    const { rt, id } = await applicantChosen('2027-01-15');
    await acceptedButNotMovedIn(rt, id);

    // when
    await rt.moveClock({ to: '2027-04-14T21:59:00Z' });
    const beforeThreeMonths = inboxOf(rt, ivo, id).length;
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });
    const waiting = inboxOf(rt, ivo, id);
    await completeTask(rt, id, 'verkstallBeslutet', { verkstallighetsdatum: '2027-07-20' }, enhetschef);
    await rt.moveClock({ to: '2028-01-20T08:00:00Z' });

    // then
    expect(beforeThreeMonths).toBe(0);
    expect(waiting.map((b) => b.createdAt)).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z']);
    expect(waiting[0]?.body).toContain('från 2027-01-15 har inte verkställts inom tre månader (2027-04-15)');
    expect(inboxOf(rt, ivo, id)).toHaveLength(2);
    expect(rt.listInbox(samordnare).filter((b) => b.instanceId === id && b.subject === 'Tre månader utan verkställighet')).toHaveLength(2);
    expect(rt.listTasks({ instanceId: id }, bistand).map((t) => t.elementId)).toEqual(['avslutaHemtjanst']);
  });

  test('when the move-in is delayed past 3 months, then the IVO report shows the offer and the day the decision was executed', async () => {
    // given
    const { rt, id } = await applicantChosen('2027-01-15');
    await acceptedButNotMovedIn(rt, id);
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });

    // when
    await completeTask(rt, id, 'verkstallBeslutet', { verkstallighetsdatum: '2027-07-20' }, enhetschef);

    // then
    expect(rt.ivoReport('2027Q1').rows).toEqual([]);
    expect(rt.ivoReport('2027Q2').rows).toEqual([
      expect.objectContaining({
        instanceId: id, businessKey: 'SÄBO-12', processKey: 'sol-lagenhetserbjudande', rapporttyp: 'ny', lag: 'SoL', kon: 'kvinna', brukare: 'Sokande-C',
        insats: 'Särskilt boende för äldre, bistånd enligt socialtjänstlagen', beslutsdatum: '2027-01-15', rapporteringspliktigFran: '2027-04-15',
        erbjudanden: ['2027-02-03'], tackatNej: [], verkstalltDatum: null,
      }),
    ]);
    expect(rt.ivoReport('2027Q3').rows).toEqual([expect.objectContaining({ instanceId: id, rapporttyp: 'verkställt', verkstalltDatum: '2027-07-20' })]);
  });

  test('when the chosen applicant’s decision is already older than 3 months, then the IVO-rapportör is told at the next weekly check', async () => {
    // given
    const { rt, id } = await applicantChosen('2026-10-20');

    // when
    await rt.moveClock({ to: '2027-04-25T08:00:00Z' });

    // then
    expect(inboxOf(rt, ivo, id).map((b) => b.createdAt)).toEqual(['2027-02-07T23:00:00.000Z', '2027-04-19T22:00:00.000Z']);
    expect(inboxOf(rt, ivo, id)[0]?.body).toContain('från 2026-10-20 har inte verkställts inom tre månader (2027-01-20)');
  });

  test('when no applicant has been chosen yet, then no IVO watch is sent', async () => {
    // given
    const rt = await startSolRuntime(harness);
    const id = await reportVacancy(rt, { ledighetsorsak: 'avliden' });

    // when
    await rt.moveClock({ to: '2027-06-01T08:00:00Z' });

    // then
    expect(inboxOf(rt, ivo, id)).toEqual([]);
    expect(rt.getInstance(id).state).toBe('running');
    expect(rt.ivoReport('2027Q2').rows).toEqual([]);
  });
});
