// What a case waits for, as a client reads it from GET /api/instances/:id: the messages it would take now and its
// timers with their due dates, and the diagram's XML to learn them from.
import { describe, expect, test } from 'vitest';
import { completeTask, realDiagram, useHarness } from '../helpers/feature-steps.js';
import { enhetschef, startOrder } from './kits/korttidsvistelse-kit.js';

const harness = useHarness();

describe('what a case waits for', () => {
  test('when a korttidsvistelse order waits to be executed, then it names the messages it takes now and its IVO timer with the day it falls due', async () => {
    // given
    const { rt, id } = await startOrder(harness, { beslutsdatum: '2027-01-15' });
    // when
    const waiting = rt.getInstance(id).waitingFor;
    // then
    expect(waiting.filter((w) => w.type === 'message').map((w) => (w.type === 'message' ? [w.elementId, w.messageId, w.messageName] : null)).sort()).toEqual([
      ['bestallningAvslutadForeVerkstallighet', 'bestallningAvslutad', 'Beställningen avslutad'],
      ['bestallningenKanInteVerkstallas', 'kanInteVerkstallas', 'Beställningen kan inte verkställas'],
      ['brukarenAvledForeVerkstallighet', 'brukareAvliden', 'Brukaren har avlidit'],
    ]);
    expect(waiting.filter((w) => w.type === 'timer')).toContainEqual({ type: 'timer', elementId: 'treManaderUtanVerkstallighet', name: expect.any(String), due: '2027-04-14T22:00:00.000Z' });
  });

  test('when the order is executed, then it waits for the messages of a running verkställighet, still takes a report that it cannot be executed, and no IVO timer', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    // when
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);
    // then
    const waiting = rt.getInstance(id).waitingFor;
    expect(waiting.map((w) => w.type === 'message' ? w.messageId : w.type).sort()).toEqual(['bestallningAvslutad', 'brukareAvliden', 'kanInteVerkstallas', 'nyBestallning']);
  });

  test('when a client asks for the version’s XML, then it is the stored diagram byte for byte', async () => {
    // given
    const { rt } = await startOrder(harness);
    const [, xml] = await realDiagram('korttidsvistelse-lss');
    // when
    const stored = await rt.getDefinitionSource('korttidsvistelse-lss', 1);
    // then
    expect(stored).toBe(xml);
  });
});
