// The IVO report over a real korttidsvistelse case: its rows come from what the case itself recorded.
import { describe, expect, test } from 'vitest';
import { completeTask, useHarness } from '../helpers/feature-steps.js';
import { enhetschef, handlaggare, startOrder } from './kits/korttidsvistelse-kit.js';

const harness = useHarness();

describe('IVO report for korttidsvistelse LSS', () => {
  test('when an order waits past 3 months and is executed later, then it is new in Q2 and reported executed in Q3', async () => {
    // given
    const { rt, id } = await startOrder(harness, { businessKey: 'KTV-9' });
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });
    // when
    const [task] = rt.listTasks({ instanceId: id }, enhetschef);
    await rt.completeTask(task!.id, { verkstallighetsdatum: '2027-08-01' }, enhetschef);
    // then
    expect(rt.ivoReport('2027Q1').rows).toEqual([]);
    expect(rt.ivoReport('2027Q2').rows).toEqual([
      expect.objectContaining({ instanceId: id, businessKey: 'KTV-9', rapporttyp: 'ny', insats: 'Korttidsvistelse utanför det egna hemmet, 9 § 6 LSS', lag: 'LSS', kon: 'man', beslutsdatum: '2027-01-15', rapporteringspliktigFran: '2027-04-15', verkstalltDatum: null }),
    ]);
    expect(rt.ivoReport('2027Q3').rows).toEqual([expect.objectContaining({ instanceId: id, rapporttyp: 'verkställt', verkstalltDatum: '2027-08-01' })]);
    expect(rt.ivoReport('2027Q4').rows).toEqual([]);
    expect(await rt.getHistory(id)).toContainEqual(expect.objectContaining({ type: 'case.verkstallt', elementId: 'registreraVerkstallighet', data: { date: '2027-08-01', reason: null } }));
  });

  test('when a new order replaces an executed one, then it is a decision of its own: registered, reported when it waits, the first stays executed', async () => {
    // given an order of 2027-01-15 executed on 2027-01-20, and a new order decided on 2027-06-01 that nobody executes
    const { rt, id } = await startOrder(harness, { businessKey: 'KTV-10' });
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);
    await rt.moveClock({ to: '2027-06-02T08:00:00Z' });
    // when
    await rt.deliverMessage(id, 'nyBestallning', { nyttBeslutsdatum: '2027-06-01', nyttAntalDygn: 12, nyttBehov: 'Fler dygn.' }, handlaggare);
    await rt.moveClock({ to: '2027-09-15T08:00:00Z' });
    // then
    const decisions = rt.listDecisions({ processKey: 'korttidsvistelse-lss' }).filter((d) => d.instanceId === id);
    expect(decisions.map((d) => [d.beslutsdatum, d.status, d.verkstalltDatum])).toEqual([['2027-01-15', 'verkstallt', '2027-01-20'], ['2027-06-01', 'ej-verkstallt', null]]);
    expect(decisions[0]!.id).not.toBe(decisions[1]!.id);
    expect(rt.decisionOfCase(id)?.beslutsdatum).toBe('2027-06-01');
    expect(rt.ivoReport('2027Q3').rows).toEqual([expect.objectContaining({ instanceId: id, businessKey: 'KTV-10', rapporttyp: 'ny', beslutsdatum: '2027-06-01', rapporteringspliktigFran: '2027-09-01' })]);
    expect(rt.ivoReport('2027Q1').rows).toEqual([]);
  });
});
