// Side paths of processes/sol-lagenhetserbjudande.bpmn: wrong apartment id, room dialog, existing queue entry, apartment taken.
import { describe, expect, test } from 'vitest';
import { apartmentOf, completeTask, openTasks, useHarness } from '../helpers/feature-steps.js';
import { avgift, enhetschef, reportVacancy, samordnare, solbacken, startSolRuntime } from './kits/sol-lagenhetserbjudande-kit.js';

const harness = useHarness();

const sokande = (brukare: string, extra: Record<string, unknown> = {}) => ({
  brukare, beslutsdatum: '2027-01-20', kon: 'kvinna', koplats: 'ny', franKorttidsboende: false, prioriteringsgrund: 'Kötid.',
  behov: 'Tillsyn nattetid.', hemtjanstgrupp: 'ingen', kontaktuppgifter: 'Syster, 070-444 44 44', dialogOmRum: false, ...extra,
});

describe('sol-lagenhetserbjudande, varianter', () => {
  test('when the reported apartment id is not in Boendemodulen, then the avgiftshandläggare corrects it and the right apartment becomes ledig', async () => {
    // given
    const rt = await startSolRuntime(harness, solbacken('12', '14'));
    const id = await reportVacancy(rt, { lagenhetId: 'solbacken-99' });
    const afterRegistering = openTasks(rt, id);

    // when
    await completeTask(rt, id, 'rattaLagenhetId', { lagenhetId: 'solbacken-12' }, avgift);

    // then
    expect(afterRegistering).toEqual(['rattaLagenhetId']);
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'ledig', readyDate: '2027-02-03' });
    expect(openTasks(rt, id)).toEqual(['boendeprioritering']);
  });

  test('when the enhetschef finds the room unsuitable in the dialog, then the apartment goes back to boendeprioritering unreserved', async () => {
    // given
    const rt = await startSolRuntime(harness, solbacken('12', '14'));
    const id = await reportVacancy(rt, { lagenhetId: 'solbacken-12' });
    await completeTask(rt, id, 'boendeprioritering', sokande('Sokande-E', { dialogOmRum: true }), samordnare);
    const dialog = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.name);

    // when
    await completeTask(rt, id, 'dialogOmLampligtRum', { lagenhetenLamplig: false, dialogKommentar: 'Rum 14 passar bättre.' }, enhetschef);
    const afterDialog = openTasks(rt, id);
    const statusAfterDialog = apartmentOf(rt, 'solbacken-12').status;
    await completeTask(rt, id, 'boendeprioritering', sokande('Sokande-F'), samordnare);

    // then
    expect(dialog).toEqual(['Dialog om vilket rum som är lämpligast att erbjuda']);
    expect(afterDialog).toEqual(['boendeprioritering']);
    expect(statusAfterDialog).toBe('ledig');
    expect(rt.housingRegister().queue.map((q) => q.applicant)).toEqual(['Sokande-F']);
    expect(apartmentOf(rt, 'solbacken-12').status).toBe('reserverad');
    expect(openTasks(rt, id)).toEqual(['ringOchErbjud']);
  });

  test('when the applicant already stands in the queue, then the apartment is reserved on that queue entry and no new one is made', async () => {
    // given
    const rt = await startSolRuntime(harness, solbacken('12', '14'));
    const first = await reportVacancy(rt, { lagenhetId: 'solbacken-12' });
    await completeTask(rt, first, 'boendeprioritering', sokande('Sokande-G'), samordnare);
    const [entry] = rt.housingRegister().queue;
    const second = await reportVacancy(rt, { lagenhetId: 'solbacken-14' });

    // when
    await completeTask(rt, second, 'boendeprioritering', sokande('Sokande-G', { koplats: 'finns' }), samordnare);
    const asked = rt.listTasks({ instanceId: second }, samordnare).map((t) => t.name);
    await completeTask(rt, second, 'angeKoplats', { queueEntryId: entry!.id }, samordnare);

    // then
    expect(asked).toEqual(['Ange den sökandes köplats i Boendemodulen']);
    expect(rt.housingRegister().queue).toHaveLength(1);
    expect(apartmentOf(rt, 'solbacken-14')).toMatchObject({ status: 'reserverad', queueEntryId: entry!.id });
  });

  test('when the apartment was reserved by another case meanwhile, then the boendesamordnare is told and prioritises again', async () => {
    // given
    const rt = await startSolRuntime(harness, solbacken('12', '14'));
    const first = await reportVacancy(rt, { lagenhetId: 'solbacken-12' });
    const second = await reportVacancy(rt, { lagenhetId: 'solbacken-12' });
    await completeTask(rt, first, 'boendeprioritering', sokande('Sokande-H'), samordnare);

    // when
    await completeTask(rt, second, 'boendeprioritering', sokande('Sokande-I'), samordnare);

    // then
    expect(rt.listInbox(samordnare).filter((b) => b.instanceId === second).map((b) => b.subject)).toContain('Lägenheten kunde inte reserveras');
    expect(openTasks(rt, second)).toEqual(['boendeprioritering']);
    expect(rt.getInstance(second).state).toBe('running');
    expect(apartmentOf(rt, 'solbacken-12').status).toBe('reserverad');
  });
});
