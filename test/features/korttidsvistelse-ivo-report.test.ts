// The IVO report over a real korttidsvistelse case: its rows come from what the case itself recorded.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';

const diagram = () => readFile('processes/korttidsvistelse-lss.bpmn', 'utf8');

describe('IVO report for korttidsvistelse LSS', () => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when an order waits past 3 months and is executed later, then it is new in Q2 and reported executed in Q3', async () => {
    // given
    h = await startHarness({ processes: [['korttidsvistelse-lss.bpmn', await diagram()]] });
    const variables = { beslutsdatum: '2027-01-15', brukare: 'Brukare-17', kon: 'man', antalDygn: 8, behov: 'Avlösning varannan helg.' };
    const { id } = await h.runtime.startInstance('korttidsvistelse-lss', { businessKey: 'KTV-9', variables }, actors.handlaggare);
    await h.runtime.moveClock({ to: '2027-07-20T08:00:00Z' });
    // when
    const [task] = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
    await h.runtime.completeTask(task!.id, { verkstallighetsdatum: '2027-08-01' }, actors.enhetschef);
    // then
    expect(h.runtime.ivoReport('2027Q1').rows).toEqual([]);
    expect(h.runtime.ivoReport('2027Q2').rows).toEqual([
      expect.objectContaining({ instanceId: id, businessKey: 'KTV-9', rapporttyp: 'ny', insats: 'Korttidsvistelse utanför det egna hemmet, 9 § 6 LSS', lag: 'LSS', kon: 'man', beslutsdatum: '2027-01-15', rapporteringspliktigFran: '2027-04-15', verkstalltDatum: null }),
    ]);
    expect(h.runtime.ivoReport('2027Q3').rows).toEqual([expect.objectContaining({ instanceId: id, rapporttyp: 'verkställt', verkstalltDatum: '2027-08-01' })]);
    expect(h.runtime.ivoReport('2027Q4').rows).toEqual([]);
    expect(await h.runtime.getHistory(id)).toContainEqual(expect.objectContaining({ type: 'case.verkstallt', elementId: 'registreraVerkstallighet', data: { date: '2027-08-01', reason: null } }));
  });
});
