// Whole flows of processes/extern-placering.bpmn (Ystad, extern placering) on the runtime with the manual clock.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { ivoRapportor, lss, startExternPlacering, systemansvarig, verksamhetschef } from './kits/extern-placering-kit.js';

const harness = useHarness();

/** Search, tjänsteskrivelse and the committee's decision. */
async function toCommittee(rt: RuntimeApi, id: string, arbetsutskottetsBeslut: 'bifall' | 'avslag') {
  await completeTask(rt, id, 'sokLampligLagenhet', { sokresultat: 'hittad' }, lss);
  await completeTask(rt, id, 'upprattaTjansteskrivelse', { externUtforare: 'Havsutsikten AB', tjansteskrivelseDatum: '2027-01-20', sammantradesdatum: '2027-02-03' }, lss);
  const committeeTask = rt.listTasks({ instanceId: id }, lss)[0];
  await completeTask(rt, id, 'registreraArbetsutskottetsBeslut', { arbetsutskottetsBeslut, arbetsutskottetsBeslutsdatum: '2027-02-03' }, lss);
  return committeeTask;
}

describe('extern-placering', () => {
  test('when the committee grants the placement, then the apartment is registered, verkställighet is the move-in day and follow-ups come twice a year', async () => {
    // given
    const { rt, id } = await startExternPlacering(harness);

    // when
    const committeeTask = await toCommittee(rt, id, 'bifall');
    const registrationTasks = rt.listTasks({ instanceId: id }, systemansvarig).map((t) => [t.elementId, t.candidateGroups]);
    await completeTask(rt, id, 'registreraNyLagenhet', { lagenhetId: 'havsutsikten-4' }, systemansvarig);
    const reserved = rt.housingRegister().apartments[0]?.status;
    await completeTask(rt, id, 'verkstallExternPlacering', { inflyttningsdatum: '2027-03-01' }, lss);
    const afterMoveIn = openTasks(rt, id);
    await rt.moveClock({ to: '2027-09-01T08:00:00Z' });
    await completeTask(rt, id, 'inhamtaGenomforandeplan', { genomforandeplanDatum: '2027-08-20' }, lss);
    const followUp = openTasks(rt, id);
    await completeTask(rt, id, 'foljUppBeslutet', { behovenTillgodoses: true, kontakterDokumenterade: true }, lss);
    await completeTask(rt, id, 'foljUppPlaceringen', { placeringenKvalitativ: true, kostnadenForenlig: false }, verksamhetschef);
    await rt.moveClock({ to: '2028-03-01T08:00:00Z' });
    const secondRound = openTasks(rt, id);
    await completeTask(rt, id, 'pagaendePlacering', { placeringenAvslutadDen: '2028-03-10', placeringenAvslutadOrsak: 'Flyttar till egen lägenhet' }, lss);

    // then
    expect(committeeTask).toMatchObject({ elementId: 'registreraArbetsutskottetsBeslut', due: '2027-02-02T23:00:00.000Z' });
    expect(registrationTasks).toEqual([['registreraNyLagenhet', ['admin']]]);
    expect(reserved).toBe('reserverad');
    expect(rt.housingRegister().apartments[0]).toMatchObject({ status: 'uthyrd', moveInDate: '2027-03-01' });
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad', decisionDate: '2027-01-15' });
    expect(afterMoveIn).toEqual(['pagaendePlacering']);
    expect(inboxOf(rt, verksamhetschef, id).map((b) => b.subject)).toEqual(['Extern placering verkställd']);
    expect(followUp).toEqual(['foljUppBeslutet', 'foljUppPlaceringen', 'pagaendePlacering']);
    expect(secondRound).toEqual(['inhamtaGenomforandeplan', 'pagaendePlacering']);
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.date])).toEqual([['case.verkstallt', '2027-03-01']]);
    expect(history.filter((e) => e.type === 'timer.fired' && e.elementId === 'uppfoljningTvaGangerPerAr').map((e) => e.at)).toEqual(['2027-08-31T22:00:00.000Z', '2028-02-29T23:00:00.000Z']);
    expect(inboxOf(rt, ivoRapportor, id)).toEqual([]);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when a follow-up is still open on the next follow-up date, then nothing waits behind it, the next one opens once it is done, and ending the placement ends them', async () => {
    // given
    const { rt, id } = await startExternPlacering(harness);
    await toCommittee(rt, id, 'bifall');
    await completeTask(rt, id, 'registreraNyLagenhet', { lagenhetId: 'havsutsikten-4' }, systemansvarig);
    await completeTask(rt, id, 'verkstallExternPlacering', { inflyttningsdatum: '2027-03-01' }, lss);

    // when
    await rt.moveClock({ to: '2028-03-15T08:00:00Z' });
    const whileOpen = { tasks: openTasks(rt, id), timers: rt.getInstance(id).waitingFor.filter((w) => w.type === 'timer').map((w) => w.elementId) };
    await completeTask(rt, id, 'inhamtaGenomforandeplan', { genomforandeplanDatum: '2028-03-10' }, lss);
    await completeTask(rt, id, 'foljUppBeslutet', { behovenTillgodoses: true, kontakterDokumenterade: true }, lss);
    const halfDone = openTasks(rt, id);
    await completeTask(rt, id, 'foljUppPlaceringen', { placeringenKvalitativ: true, kostnadenForenlig: true }, verksamhetschef);
    const nextRound = openTasks(rt, id);
    await completeTask(rt, id, 'inhamtaGenomforandeplan', { genomforandeplanDatum: '2028-03-14' }, lss);
    await completeTask(rt, id, 'foljUppBeslutet', { behovenTillgodoses: true, kontakterDokumenterade: true }, lss);
    await completeTask(rt, id, 'foljUppPlaceringen', { placeringenKvalitativ: true, kostnadenForenlig: true }, verksamhetschef);
    const betweenRounds = openTasks(rt, id);
    await rt.moveClock({ to: '2028-09-05T08:00:00Z' });
    const thirdRound = openTasks(rt, id);
    await completeTask(rt, id, 'pagaendePlacering', { placeringenAvslutadDen: '2028-09-05', placeringenAvslutadOrsak: 'Flyttar till egen lägenhet' }, lss);
    await rt.moveClock({ to: '2029-06-01T08:00:00Z' });

    // then
    expect(whileOpen).toEqual({ tasks: ['inhamtaGenomforandeplan', 'pagaendePlacering'], timers: [] });
    expect(halfDone).toEqual(['foljUppPlaceringen', 'pagaendePlacering']);
    expect(nextRound).toEqual(['inhamtaGenomforandeplan', 'pagaendePlacering']);
    expect(betweenRounds).toEqual(['pagaendePlacering']);
    expect(thirdRound).toEqual(['inhamtaGenomforandeplan', 'pagaendePlacering']);
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type === 'timer.fired' && e.elementId === 'uppfoljningTvaGangerPerAr').map((e) => [e.at, e.data?.dueAt])).toEqual([
      ['2027-08-31T22:00:00.000Z', '2027-08-31T22:00:00.000Z'],
      ['2028-03-15T08:00:00.000Z', '2028-02-29T23:00:00.000Z'],
      ['2028-08-31T22:00:00.000Z', '2028-08-31T22:00:00.000Z'],
    ]);
    expect(history.filter((e) => e.type === 'task.created' && e.elementId === 'inhamtaGenomforandeplan')).toHaveLength(3);
    expect(rt.getInstance(id).state).toBe('completed');
    expect(openTasks(rt, id)).toEqual([]);
  });

  test('when the committee does not grant the placement, then Myndigheten searches again', async () => {
    // given
    const { rt, id } = await startExternPlacering(harness);

    // when
    await toCommittee(rt, id, 'avslag');

    // then
    expect(openTasks(rt, id)).toEqual(['sokLampligLagenhet']);
    expect(rt.housingRegister().apartments[0]?.status).toBe('ledig');
  });

  test('when the systemansvarig names an apartment that is not registered as vacant, then it is refused at the form, the task stays open and nothing is reserved', async () => {
    // given
    const { rt, id } = await startExternPlacering(harness);
    await toCommittee(rt, id, 'bifall');

    // when
    const unknown = completeTask(rt, id, 'registreraNyLagenhet', { lagenhetId: 'havsutsikten-44' }, systemansvarig);

    // then
    await expect(unknown).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'lagenhetId', message: 'Välj en av lägenheterna i listan.' }] });
    expect(inboxOf(rt, lss, id)).toEqual([]);
    expect(openTasks(rt, id)).toEqual(['registreraNyLagenhet']);
  });

  test('when nothing is executed, then the IVO-rapportör is watched quarterly until the move-in day', async () => {
    // given
    const { rt, id } = await startExternPlacering(harness);
    await toCommittee(rt, id, 'bifall');
    await completeTask(rt, id, 'registreraNyLagenhet', { lagenhetId: 'havsutsikten-4' }, systemansvarig);

    // when
    await rt.moveClock({ to: '2027-05-01T08:00:00Z' });
    const reasonTask = rt.listTasks({ instanceId: id }, lss).find((t) => t.elementId === 'angeSkalTillDrojsmal');
    await completeTask(rt, id, 'verkstallExternPlacering', { inflyttningsdatum: '2027-05-02' }, lss);
    await rt.moveClock({ to: '2028-01-01T08:00:00Z' });

    // then
    expect(inboxOf(rt, ivoRapportor, id).map((b) => b.createdAt)).toEqual(['2027-04-14T22:00:00.000Z']);
    expect(reasonTask?.candidateGroups).toEqual(['bistandshandlaggare', 'lss-handlaggare']);
  });

  test('when Myndigheten closes the decision instead, then it is recorded with its reason and the case ends', async () => {
    // given
    const { rt, id } = await startExternPlacering(harness);

    // when
    await completeTask(rt, id, 'sokLampligLagenhet', { sokresultat: 'avsluta' }, lss);
    await completeTask(rt, id, 'avslutaBeslutet', { avslutsorsak: 'Behovet har upphört' }, lss);

    // then
    const events = (await rt.getHistory(id)).filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.reason]);
    expect(events).toEqual([['case.avslutat', 'Behovet har upphört']]);
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad', closedReason: 'Behovet har upphört' });
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when Myndigheten closes the decision after the apartment is reserved, then it is released, the decision avslutat and the case ends', async () => {
    // given
    const { rt, id } = await startExternPlacering(harness);
    await toCommittee(rt, id, 'bifall');
    await completeTask(rt, id, 'registreraNyLagenhet', { lagenhetId: 'havsutsikten-4' }, systemansvarig);
    const reserved = rt.housingRegister().apartments[0]?.status;
    // when
    await rt.deliverMessage(id, 'beslutAvslutas', { avslutsorsak: 'Ansökan återtagen.' }, lss);
    // then
    expect(reserved).toBe('reserverad');
    expect(rt.housingRegister().apartments[0]).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(rt.decisionOfCase(id)).toMatchObject({ status: 'avslutat' });
    expect(rt.getInstance(id).state).toBe('completed');
    expect(openTasks(rt, id)).toEqual([]);
  });
});
