// Messages on a real routine: only declared variables get in, never the decision, and nothing deep reaches the store.
import { afterEach, describe, expect, test } from 'vitest';
import { fieldMessages, limitMessages } from '../../src/forms/index.js';
import { realDiagram, who } from '../helpers/feature-steps.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const handlaggare = who('lss-handlaggare');
const enhetschef = who('enhetschef');

/** A value nested `levels` objects deep. */
function nested(levels: number): unknown {
  let value: unknown = 'botten';
  for (let i = 0; i < levels; i++) value = { n: value };
  return value;
}

describe('message variables on korttidsvistelse-lss', () => {
  let h: Harness;
  afterEach(() => h?.close());

  /** An order decided 2026-10-01, not executed: past its 3 months, so the IVO report of 2027Q1 lists it. */
  async function startLateOrder(): Promise<string> {
    h = await startHarness({ processes: [await realDiagram('korttidsvistelse-lss')], start: '2027-01-15T08:00:00Z' });
    const variables = { beslutsdatum: '2026-10-01', brukare: 'Brukare-17', kon: 'man', antalDygn: 8, behov: 'Avlösning varannan helg.' };
    return (await h.runtime.startInstance('korttidsvistelse-lss', { variables }, handlaggare)).id;
  }

  test.each([
    ['beslutsdatum as a number', { beslutsdatum: 20260601 }, 'beslutsdatum', fieldMessages.decision],
    ['a later beslutsdatum', { beslutsdatum: '2027-01-10' }, 'beslutsdatum', fieldMessages.decision],
    ['beslutsdatum that does not exist', { beslutsdatum: '2026-02-30' }, 'beslutsdatum', fieldMessages.decision],
    ['lag "ingen"', { lag: 'ingen' }, 'lag', fieldMessages.unknown],
    ['a new kön', { kon: 'kvinna' }, 'kon', fieldMessages.decision],
  ])('when a message carries %s, then it is refused naming the field and the IVO report and the case are unchanged', async (_case, extra, field, message) => {
    // given
    const id = await startLateOrder();
    const report = h.runtime.ivoReport('2027Q1');
    const history = await h.runtime.getHistory(id);
    // when
    const attempt = h.runtime.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Ingen ledig plats.', ...extra }, enhetschef);
    // then
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field, message }] });
    expect(report.rows).toEqual([expect.objectContaining({ instanceId: id, lag: 'LSS', beslutsdatum: '2026-10-01', rapporttyp: 'ny' })]);
    expect(h.runtime.ivoReport('2027Q1')).toEqual(report);
    expect(await h.runtime.getHistory(id)).toEqual(history);
    expect(h.runtime.getInstance(id).variables).not.toHaveProperty('orsak');
  });

  test('when a variable nests 2000 deep, then it is refused before anything else and the case still loads after a restart', async () => {
    // given
    const id = await startLateOrder();
    const before = h.runtime.getInstance(id);
    // when
    const attempt = h.runtime.deliverMessage(id, 'kanInteVerkstallas', { orsak: nested(2000) }, enhetschef);
    const unknownCase = h.runtime.deliverMessage('finns-inte', 'kanInteVerkstallas', { orsak: nested(2000) }, enhetschef);
    // then
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', message: limitMessages.depth, fields: [{ field: 'variables', message: limitMessages.depth }] });
    await expect(unknownCase).rejects.toMatchObject({ code: 'validation_failed' });
    const restarted = await h.restart();
    expect(restarted.getInstance(id)).toEqual(before);
    await restarted.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Ingen ledig plats.' }, enhetschef);
    expect(restarted.getInstance(id).variables).toMatchObject({ orsak: 'Ingen ledig plats.', beslutsdatum: '2026-10-01' });
  });

  test('when the start form or a task form gets a value nested 2000 deep, then the field is refused and nothing is stored', async () => {
    // given
    const id = await startLateOrder();
    const [task] = h.runtime.listTasks({ instanceId: id }, enhetschef);
    const variables = { beslutsdatum: nested(2000), brukare: 'Brukare-18', kon: 'man', antalDygn: 8, behov: 'Avlösning.' };
    // when
    const start = h.runtime.startInstance('korttidsvistelse-lss', { variables }, handlaggare);
    const complete = h.runtime.completeTask(task!.id, { verkstallighetsdatum: '2027-01-20', tidigareBestallningAvslutad: nested(2000) }, enhetschef);
    const extra = h.runtime.completeTask(task!.id, { verkstallighetsdatum: '2027-01-20', bilaga: nested(2000) }, enhetschef);
    // then
    await expect(start).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'beslutsdatum', message: fieldMessages.date }] });
    await expect(complete).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'tidigareBestallningAvslutad', message: fieldMessages.boolean }] });
    await expect(extra).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'bilaga', message: fieldMessages.unknown }] });
    expect(h.runtime.listInstances({ processKey: 'korttidsvistelse-lss' })).toHaveLength(1);
    expect(h.runtime.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId)).toEqual(['verkstallBestallning']);
  });

  test('when a new order is sent with its declared variables, then they are kept beside the decision, which stays', async () => {
    // given
    const id = await startLateOrder();
    const [task] = h.runtime.listTasks({ instanceId: id }, enhetschef);
    await h.runtime.completeTask(task!.id, { verkstallighetsdatum: '2027-01-20' }, enhetschef);
    // when
    await h.runtime.deliverMessage(id, 'Ny beställning', { nyttBeslutsdatum: '2027-01-14', nyttAntalDygn: 12, nyttBehov: 'Fler dygn.' }, handlaggare);
    // then
    expect(h.runtime.getInstance(id).variables).toMatchObject({ beslutsdatum: '2026-10-01', antalDygn: 8, nyttBeslutsdatum: '2027-01-14', nyttAntalDygn: 12, nyttBehov: 'Fler dygn.' });
    expect(h.runtime.ivoReport('2027Q1').rows).toEqual([expect.objectContaining({ instanceId: id, beslutsdatum: '2026-10-01', rapporttyp: 'ny', verkstalltDatum: '2027-01-20' })]);
  });
});
