// The no branch of processes/sol-lagenhetserbjudande.bpmn: decline recorded, apartment released, next applicant, IVO watch follows.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { apartmentOf, completeTask, inboxOf, useHarness } from '../helpers/feature-steps.js';
import { enhetschef, ivo, reportVacancy, samordnare, startSolRuntime } from './kits/sol-lagenhetserbjudande-kit.js';

const harness = useHarness();

const applicant = (brukare: string, beslutsdatum: string) => ({
  brukare, beslutsdatum, kon: 'man', koplats: 'ny', franKorttidsboende: false, prioriteringsgrund: 'Längst kötid.',
  behov: 'Demens, behöver tillsyn.', hemtjanstgrupp: 'Hemtjänst Norr', kontaktuppgifter: 'Son, 070-111 11 11', dialogOmRum: false,
});

/** Vacancy reported on 2027-02-01, Sokande-A (decision 2026-11-20) chosen, offered on 2027-02-03 and declining on 2027-02-10. */
async function declinedByFirstApplicant(): Promise<{ rt: RuntimeApi; id: string }> {
  const rt = await startSolRuntime(harness);
  const id = await reportVacancy(rt);
  await completeTask(rt, id, 'boendeprioritering', applicant('Sokande-A', '2026-11-20'), samordnare);
  await completeTask(rt, id, 'ringOchErbjud', { erbjudandedatum: '2027-02-03', visningsdatum: '2027-02-04', beskedsdatum: '2027-02-09', vemRinger: 'enskilde' }, enhetschef);
  await completeTask(rt, id, 'andraReserveratDatum', { journalfort: true }, samordnare);
  await rt.moveClock({ to: '2027-02-10T08:00:00Z' });
  await completeTask(rt, id, 'registreraBesked', { svar: 'nej', beskedKommentar: 'Vill bo närmare dottern.' }, enhetschef);
  return { rt, id };
}

describe('sol-lagenhetserbjudande, den enskilde tackar nej', () => {
  test('when the applicant declines, then the reason is recorded, the apartment is ledig again and the applicant stays in the queue', async () => {
    // given
    const { rt, id } = await declinedByFirstApplicant();
    const registerTask = rt.listTasks({ instanceId: id }, samordnare).map((t) => t.name);
    const reservedFor = apartmentOf(rt, 'solbacken-12').queueEntryId;

    // when
    await completeTask(rt, id, 'registreraNej', { nejOrsak: 'Vill bo närmare dottern i Solna.' }, samordnare);

    // then
    expect(registerTask).toEqual(['Registrera att den enskilde tackat nej och dokumentera anledningen']);
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'ledig', queueEntryId: null });
    const { queue, offers } = rt.housingRegister();
    expect(queue).toEqual([expect.objectContaining({ id: reservedFor, applicant: 'Sokande-A', status: 'aktiv' })]);
    expect(offers).toEqual([expect.objectContaining({ offerDate: '2027-02-03', answer: 'nej', reason: 'Vill bo närmare dottern i Solna.' })]);
    expect(await rt.getHistory(id)).toContainEqual(
      expect.objectContaining({ type: 'case.avbojt', data: { date: '2027-02-10', reason: 'Vill bo närmare dottern i Solna.' } }),
    );
    expect(rt.listTasks({ instanceId: id }, samordnare).map((t) => t.elementId)).toEqual(['boendeprioritering']);
    expect(rt.listTasks({ instanceId: id }, enhetschef)).toEqual([]);
  });

  test('when the apartment waits after a no, then the boendesamordnare is reminded every week until it is prioritised again', async () => {
    // given
    const { rt, id } = await declinedByFirstApplicant();
    await completeTask(rt, id, 'registreraNej', { nejOrsak: 'Vill bo närmare dottern.' }, samordnare);

    // when
    await rt.moveClock({ to: '2027-02-24T09:00:00Z' });
    await completeTask(rt, id, 'boendeprioritering', applicant('Sokande-B', '2027-01-10'), samordnare);
    await rt.moveClock({ advance: 'P14D' });

    // then
    const reminders = inboxOf(rt, samordnare, id).filter((b) => b.subject === 'Ledig lägenhet väntar på boendeprioritering');
    expect(reminders.map((b) => b.createdAt)).toEqual(['2027-02-17T08:00:00.000Z', '2027-02-24T08:00:00.000Z']);
    expect(apartmentOf(rt, 'solbacken-12').status).toBe('reserverad');
  });

  test('when a second applicant is chosen after a no, then the IVO watch counts from the second applicant’s beslutsdatum', async () => {
    // given
    const { rt, id } = await declinedByFirstApplicant();
    await completeTask(rt, id, 'registreraNej', { nejOrsak: 'Vill bo närmare dottern.' }, samordnare);

    // when
    await rt.moveClock({ to: '2027-02-25T08:00:00Z' });
    const whileFirstStillWaiting = inboxOf(rt, ivo, id);
    await completeTask(rt, id, 'boendeprioritering', applicant('Sokande-B', '2027-01-10'), samordnare);
    await rt.moveClock({ to: '2027-07-11T08:00:00Z' });

    // then
    expect(whileFirstStillWaiting.map((b) => b.createdAt)).toEqual(['2027-02-19T23:00:00.000Z']);
    expect(whileFirstStillWaiting[0]?.body).toContain('Sokande-A från 2026-11-20');
    const all = inboxOf(rt, ivo, id);
    expect(all.map((b) => b.createdAt)).toEqual(['2027-02-19T23:00:00.000Z', '2027-04-09T22:00:00.000Z', '2027-07-09T22:00:00.000Z']);
    expect(all.slice(1).every((b) => b.body.includes('Sokande-B från 2027-01-10'))).toBe(true);
    expect(inboxOf(rt, samordnare, id).filter((b) => b.subject === 'Tre månader utan verkställighet')).toHaveLength(3);
  });
});
