// The IVO report over a real korttidsvistelse case: its rows come from what the case itself recorded.
import { describe, expect, test } from 'vitest';
import { useHarness } from '../helpers/feature-steps.js';
import { enhetschef, startOrder } from './kits/korttidsvistelse-kit.js';

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
});
