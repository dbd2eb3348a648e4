// Closing a decision in the register while its case runs closes the case too: the routine gets its closing message
// (the process property avslutsmeddelande), ends the queue entry, releases what it holds and records avslutat itself.
import { describe, expect, test } from 'vitest';
import { apartmentOf, completeTask, openTasks, useHarness } from '../helpers/feature-steps.js';
import { enhetschef, handlaggare, startOrder } from './kits/korttidsvistelse-kit.js';
import { bistand, decide, offer, prioritise, reportVacancy, samordnare, startSolRuntime } from './kits/sol-kit.js';

const harness = useHarness();

describe('closing a decision from the register', () => {
  test('when the biståndshandläggare closes a SoL decision on offer, then its case ends, the apartment is released and the vacancy prioritises again', async () => {
    // given
    const rt = await startSolRuntime(harness);
    const decisionCase = await decide(rt);
    const vacancy = await reportVacancy(rt);
    await prioritise(rt, vacancy, 'Sokande-A');
    await offer(rt, vacancy);
    await rt.moveClock({ to: '2027-02-06T08:00:00Z' });
    const decision = rt.decisionOfCase(decisionCase)!;
    // when
    const closed = await rt.recordDecisionEvent(decision.id, { type: 'avslutat', date: '2027-02-05', reason: 'Ansökan återtagen.' }, bistand);
    // then
    expect(closed).toMatchObject({ id: decision.id, status: 'avslutat' });
    expect(closed.events.filter((e) => e.type === 'avslutat').map((e) => [e.date, e.reason])).toEqual([['2027-02-05', 'Ansökan återtagen.']]);
    expect(rt.getInstance(decisionCase).state).toBe('completed');
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad' });
    expect(rt.listTasks({ instanceId: vacancy }, samordnare).map((t) => t.elementId)).toEqual(['boendeprioritering']);
  });

  test('when a korttidsvistelse order not yet executed is closed in the register, then the enhetschef is asked to end it and the decision is avslutat once', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    const decision = rt.decisionOfCase(id)!;
    await rt.moveClock({ to: '2027-02-01T08:00:00Z' });
    // when
    await rt.recordDecisionEvent(decision.id, { type: 'avslutat', date: '2027-01-31', reason: 'Behovet har upphört.' }, handlaggare);
    const tasks = openTasks(rt, id);
    await completeTask(rt, id, 'avslutaVerkstallighet', { avslutsdatum: '2027-02-01' }, enhetschef);
    // then
    expect(tasks).toEqual(['avslutaVerkstallighet']);
    expect(rt.getDecision(decision.id).events.map((e) => [e.type, e.date, e.reason])).toEqual([['avslutat', '2027-01-31', 'Behovet har upphört.']]);
    expect(rt.getInstance(id).state).toBe('completed');
  });
});
