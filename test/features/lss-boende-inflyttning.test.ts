// Boendeprocess LSS (processes/lss-boende.bpmn): move-in within 3 weeks of the yes, the written reason and the 4-week alert.
import { describe, expect, test } from 'vitest';
import { apartmentOf, completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { answered, arbetsterapeut, enhetschef, formedling, handlaggare, intake, movedIn, myndighetschef, samordnare, startLssBoende, verksamhetschef } from './kits/lss-boende-kit.js';

const harness = useHarness();

describe('lss-boende: move-in after the yes', () => {
  test('when nobody has moved in 3 weeks after the yes, then the enhetschef must give a written reason that Boendeförmedlingen and Boendeteamet receive', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await answered(rt, id, 'ja');
    await completeTask(rt, id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: '2027-03-15' }, enhetschef);

    // when: 3 weeks from the answer day 2027-02-05 is 2027-02-26, from its start in Stockholm
    await rt.moveClock({ to: '2027-02-25T22:59:00Z' });
    const beforeThreeWeeks = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId);
    await rt.moveClock({ to: '2027-02-25T23:00:00Z' });
    const atThreeWeeks = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId);
    await completeTask(rt, id, 'motiveraDrojsmal', { motiveringSenInflyttning: 'Lägenheten behöver anpassas med takliftar.' }, enhetschef);

    // then
    expect(beforeThreeWeeks).toEqual([]);
    expect(atThreeWeeks).toEqual(['motiveraDrojsmal']);
    const reasons = [formedling, arbetsterapeut, samordnare].map((a) => inboxOf(rt, a, id).filter((b) => b.subject === 'Inflyttning inom 3 veckor kan inte erbjudas').map((b) => b.body));
    expect(reasons.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(reasons[0]![0]).toContain('Lägenheten behöver anpassas med takliftar.');
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type === 'case.drojsmal').map((e) => e.data?.reason)).toEqual([
      'Inflyttning inom 3 veckor efter ja kunde inte erbjudas: Lägenheten behöver anpassas med takliftar.',
    ]);
  });

  test('when the yes is registered days after the person gave it, then the 3 weeks count from the day the person answered', async () => {
    // given the person said yes on 2027-02-01; Boendeförmedlingen registers it on 2027-02-05
    const { rt, id } = await startLssBoende(harness);
    await intake(rt, id);
    await completeTask(rt, id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
    await completeTask(rt, id, 'erbjudBostad', { erbjudandedatum: '2027-01-25' }, formedling);
    await completeTask(rt, id, 'studiebesok', { studiebesoksdatum: '2027-01-27' }, enhetschef);
    await rt.moveClock({ to: '2027-02-05T09:00:00Z' });
    await completeTask(rt, id, 'registreraSvar', { svar: 'ja', svarsdatum: '2027-02-01' }, formedling);

    // when
    await rt.moveClock({ to: '2027-02-21T22:59:00Z' });
    const before = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId);
    await rt.moveClock({ to: '2027-02-21T23:00:00Z' });

    // then
    expect(before).not.toContain('motiveraDrojsmal');
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId)).toContain('motiveraDrojsmal');
  });

  test('when the move-in passes 4 weeks, then arbetsterapeut and samordnare alert the myndighetschef and the verksamhetschef', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await answered(rt, id, 'ja');

    // when
    await rt.moveClock({ to: '2027-03-05T09:00:00Z' });
    const teamTask = rt.listTasks({ instanceId: id }, samordnare).find((t) => t.elementId === 'meddelaLedningen');
    await completeTask(rt, id, 'meddelaLedningen', { meddelandeTillLedningen: 'Anpassningen av lägenheten är försenad.' }, arbetsterapeut);

    // then
    expect(teamTask?.candidateGroups).toEqual(['arbetsterapeut', 'samordnare-externa']);
    for (const chef of [myndighetschef, verksamhetschef]) {
      expect(inboxOf(rt, chef, id).map((b) => b.subject)).toEqual(['Inflyttningen överstiger 4 veckor']);
      expect(inboxOf(rt, chef, id)[0]?.body).toContain('Anpassningen av lägenheten är försenad.');
    }
  });

  test('when the person moves in within 3 weeks, then no reason is asked for, nobody is alerted and the register shows the apartment let', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await answered(rt, id, 'ja');

    // when
    await movedIn(rt, id);
    await rt.moveClock({ to: '2027-04-01T08:00:00Z' });

    // then
    expect(openTasks(rt, id)).toEqual([]);
    expect([myndighetschef, verksamhetschef].map((a) => inboxOf(rt, a, id))).toEqual([[], []]);
    expect(inboxOf(rt, formedling, id).filter((b) => b.subject.includes('3 veckor'))).toEqual([]);
    expect(apartmentOf(rt, 'solrosen-3')).toMatchObject({ status: 'uthyrd', moveInDate: '2027-02-22' });
  });

  test('when the planned date is given, then Boendeteamet and the LSS-handläggare learn it and the apartment is booked for that day', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await answered(rt, id, 'ja');

    // when
    await completeTask(rt, id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: '2027-02-22' }, enhetschef);
    const contractTask = rt.listTasks({ instanceId: id }, formedling).map((t) => t.elementId);
    await completeTask(rt, id, 'hanteraHyreskontrakt', { kontraktsdatum: '2027-02-10' }, formedling);

    // then
    expect(contractTask).toEqual(['hanteraHyreskontrakt']);
    expect(apartmentOf(rt, 'solrosen-3')).toMatchObject({ status: 'bokad', moveInDate: '2027-02-22' });
    for (const actor of [arbetsterapeut, samordnare, handlaggare]) {
      expect(inboxOf(rt, actor, id).filter((b) => b.subject === 'Planerat inflyttningsdatum').map((b) => b.body)).toEqual([expect.stringContaining('2027-02-22')]);
    }
    expect(rt.listTasks({ instanceId: id }, arbetsterapeut).map((t) => [t.elementId, t.assignee]).sort()).toEqual([
      ['dokumenteraOchKuben', 'arbetsterapeut'],
      ['kallaTillOverrapport', 'arbetsterapeut'],
    ]);
  });
});
