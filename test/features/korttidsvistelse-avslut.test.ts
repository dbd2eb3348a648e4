// How a korttidsvistelse decision ends in processes/korttidsvistelse-lss.bpmn: the order ended by the handläggare
// (before or after verkställighet) or the person's death closes the decision in the register and the IVO report.
import { describe, expect, test } from 'vitest';
import { completeTask, openTasks, useHarness } from '../helpers/feature-steps.js';
import { enhetschef, handlaggare, startOrder } from './kits/korttidsvistelse-kit.js';

const harness = useHarness();

describe('korttidsvistelse-lss, avslut', () => {
  test('when the handläggare ends the order before it is executed, then the decision is avslutat that day and the enhetschef ends the case', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await rt.moveClock({ to: '2027-02-10T08:00:00Z' });
    // when
    await rt.deliverMessage(id, 'bestallningAvslutad', {}, handlaggare);
    const tasks = openTasks(rt, id);
    await completeTask(rt, id, 'avslutaVerkstallighet', { avslutsdatum: '2027-02-10' }, enhetschef);
    await rt.moveClock({ to: '2027-07-01T08:00:00Z' });
    // then
    expect(tasks).toEqual(['avslutaVerkstallighet']);
    expect(rt.decisionOfCase(id)).toMatchObject({ status: 'avslutat', verkstalltDatum: null });
    expect(rt.decisionOfCase(id)?.events.map((e) => [e.type, e.date, e.reason])).toEqual([['avslutat', '2027-02-10', 'Beställningen avslutad av LSS-handläggaren']]);
    expect(rt.ivoReport('2027Q2').rows).toEqual([]);
  });

  test('when the person dies before the order is executed, then the decision is avslutat and is not reported to IVO after it', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await rt.moveClock({ to: '2027-03-01T08:00:00Z' });
    // when
    await rt.deliverMessage(id, 'brukareAvliden', { meddelatAv: 'handlaggare' }, handlaggare);
    await completeTask(rt, id, 'avslutaVerkstallighet', { avslutsdatum: '2027-03-01' }, enhetschef);
    await rt.moveClock({ to: '2027-10-01T08:00:00Z' });
    // then
    expect(rt.decisionOfCase(id)).toMatchObject({ status: 'avslutat' });
    expect(rt.decisionOfCase(id)?.events.map((e) => [e.type, e.reason])).toEqual([['avslutat', 'Brukaren har avlidit']]);
    expect(rt.ivoReport('2027Q2').rows).toEqual([]);
    expect(rt.ivoReport('2027Q3').rows).toEqual([]);
  });

  test('when an executed order is ended, then the decision keeps its day of execution and is closed', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);
    await rt.moveClock({ to: '2027-05-01T08:00:00Z' });
    // when
    await rt.deliverMessage(id, 'bestallningAvslutad', {}, handlaggare);
    await completeTask(rt, id, 'avslutaVerkstallighet', { avslutsdatum: '2027-05-01' }, enhetschef);
    // then
    expect(rt.decisionOfCase(id)).toMatchObject({ status: 'avslutat', verkstalltDatum: '2027-01-20' });
    expect(rt.getInstance(id).state).toBe('completed');
  });
});
