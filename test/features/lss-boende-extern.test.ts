// Boendeprocess LSS (processes/lss-boende.bpmn): external placement decided by the myndighetschef, and a decision that ends unexecuted.
import { describe, expect, test } from 'vitest';
import { admin, apartmentOf, completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { answered, enhetschef, formedling, handlaggare, ivo, mapped, myndighetschef, samordnare, startLssBoende, verksamhetschef } from './kits/lss-boende-kit.js';

const harness = useHarness();

const externalNeed = { placering: 'extern', bedomning: 'Behov av dygnet runt-stöd med särskild kompetens som saknas i egen regi.' };

describe('lss-boende: external placement and a decision that ends', () => {
  test('when the team finds that egen regi cannot meet the need, then the myndighetschef and the verksamhetschef are told and only the myndighetschef decides', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await mapped(rt, id);

    // when
    await completeTask(rt, id, 'bedomPlacering', externalNeed, samordnare);

    // then
    for (const chef of [myndighetschef, verksamhetschef]) {
      expect(inboxOf(rt, chef, id).map((b) => b.subject)).toEqual(['Dialog om extern placering']);
      expect(inboxOf(rt, chef, id)[0]?.body).toContain('särskild kompetens');
    }
    expect(rt.listTasks({ instanceId: id }, admin).map((t) => [t.elementId, t.candidateGroups])).toEqual([['beslutaExternPlacering', ['myndighetschef']]]);
    expect(rt.listTasks({ instanceId: id }, samordnare)).toEqual([]);
  });

  test('when the myndighetschef grants it, then the samordnare arranges the placement and the decision is executed on the move-in day', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await mapped(rt, id);
    await completeTask(rt, id, 'bedomPlacering', externalNeed, samordnare);

    // when
    await completeTask(rt, id, 'beslutaExternPlacering', { beslutExternPlacering: 'bifall', motiveringExternPlacering: 'Behovet kan inte tillgodoses i egen regi.' }, myndighetschef);
    await completeTask(rt, id, 'ordnaExternPlacering', { externtBoende: 'Stiftelsen Ekbacken', externtErbjudandedatum: '2027-03-01' }, samordnare);
    await completeTask(rt, id, 'externInflyttning', { inflyttningsdatum: '2027-03-20' }, samordnare);
    await rt.moveClock({ to: '2027-08-01T08:00:00Z' });

    // then
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.date])).toEqual([
      ['case.erbjudande', '2027-03-01'],
      ['case.verkstallt', '2027-03-20'],
    ]);
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad' });
    expect(apartmentOf(rt, 'solrosen-3')).toMatchObject({ status: 'ledig' });
    expect(rt.getInstance(id).state).toBe('completed');
    expect(inboxOf(rt, ivo, id)).toEqual([]);
  });

  test('when the myndighetschef says no, then the team goes on matching in egen regi', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await mapped(rt, id);
    await completeTask(rt, id, 'bedomPlacering', externalNeed, samordnare);

    // when
    await completeTask(rt, id, 'beslutaExternPlacering', { beslutExternPlacering: 'avslag', motiveringExternPlacering: 'Solrosen kan anpassas.' }, myndighetschef);

    // then
    expect(openTasks(rt, id)).toEqual(['matchaBostad']);
  });

  test('when the handläggare reports that the decision has ended, then it is closed with the reason for the IVO report and nothing more is watched', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await mapped(rt, id);
    await rt.moveClock({ to: '2027-05-02T08:00:00Z' });

    // when
    await rt.deliverMessage(id, 'beslutetAvslutat', { avslutsorsak: 'Ansökan återtagen.' }, handlaggare);
    await rt.moveClock({ to: '2028-02-01T08:00:00Z' });

    // then
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type === 'case.avslutat').map((e) => e.data)).toEqual([{ date: '2027-05-02', reason: 'Ansökan återtagen.' }]);
    expect(rt.getInstance(id).state).toBe('completed');
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad' });
    expect(inboxOf(rt, ivo, id)).toHaveLength(1);
    expect(inboxOf(rt, formedling, id).map((b) => b.subject)).toEqual(['Beslutet har avslutats']);
    expect(rt.ivoReport('2027Q2').rows).toEqual([expect.objectContaining({ instanceId: id, rapporttyp: 'ny', avslutatDatum: '2027-05-02', avslutsorsak: 'Ansökan återtagen.' })]);
  });

  test('when the decision ends after the apartment was booked, then the apartment is vacant again and the decision closed', async () => {
    // given a yes and a planned move-in: solrosen-3 is booked for the person
    const { rt, id } = await startLssBoende(harness);
    await answered(rt, id, 'ja');
    await completeTask(rt, id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: '2027-03-15' }, enhetschef);
    await completeTask(rt, id, 'hanteraHyreskontrakt', { kontraktsdatum: '2027-02-10' }, formedling);
    const booked = apartmentOf(rt, 'solrosen-3').status;

    // when
    await rt.deliverMessage(id, 'beslutetAvslutat', { avslutsorsak: 'Flyttat från kommunen.' }, handlaggare);

    // then
    expect(booked).toBe('bokad');
    expect(apartmentOf(rt, 'solrosen-3')).toMatchObject({ status: 'ledig', queueEntryId: null, moveInDate: null });
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad' });
    expect(rt.getInstance(id).state).toBe('completed');
    expect(rt.decisionOfCase(id)?.status).toBe('avslutat');
  });

  test('when the decision ends before anyone queued the person, then it is closed all the same', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);

    // when
    await rt.deliverMessage(id, 'beslutetAvslutat', {}, handlaggare);

    // then
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type === 'case.avslutat').map((e) => e.data?.reason)).toEqual(['Beslutet avslutat av LSS-handläggaren']);
    expect(rt.getInstance(id).state).toBe('completed');
    expect(rt.housingRegister().queue).toEqual([]);
  });
});
