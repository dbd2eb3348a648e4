import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { actors, fixturesDir, startHarness, type Harness } from '../../helpers/runtime-harness.js';
import { testHandlers } from '../../helpers/test-handlers.js';

const steps = async (h: Harness, id: string, type: string) => (await h.runtime.getHistory(id)).filter((e) => e.type === type).map((e) => e.elementId);

describe.each([100, 0])('embedded sub-processes (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());
  const start = async (utfall: string) => {
    h = await startHarness({ engineCacheSize, processes: ['structure/delprocess.bpmn'], handlers: testHandlers, start: '2027-01-15T08:00:00Z' });
    return (await h.runtime.startInstance('delprocess', { variables: { utfall } }, actors.handlaggare)).id;
  };

  test('when a case runs through a sub-process with a task, a timer over a restart and a service task, then it continues after it', async () => {
    // given
    const id = await start('ok');
    const [utred] = h.runtime.listTasks({ instanceId: id }, actors.handlaggare);
    await h.runtime.completeTask(utred!.id, {}, actors.handlaggare);
    const waiting = h.runtime.getInstance(id).active;
    // when
    await h.restart();
    await h.runtime.moveClock({ to: '2027-01-25T08:00:00Z' });
    // then
    expect(utred).toEqual(expect.objectContaining({ elementId: 'utred', name: 'Utred behovet' }));
    expect(waiting.map((a) => a.elementId)).toContain('vanta');
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['besluta']);
    expect(h.runtime.listTasks({ instanceId: id }, actors.enhetschef).map((t) => t.elementId)).toEqual(['besluta']);
    expect(await steps(h, id, 'timer.fired')).toEqual(['vanta']);
    const left = await steps(h, id, 'activity.left');
    expect(left).toEqual(expect.arrayContaining(['utred', 'vanta', 'boka', 'utreda']));
  });

  test('when the timer on the sub-process runs out after a restart, then the steps inside are cancelled and the boundary path opens', async () => {
    // given
    const id = await start('ok');
    // when
    await h.restart();
    await h.runtime.moveClock({ to: '2027-03-16T08:00:00Z' });
    // then
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['paminn']);
    expect(h.runtime.listTasks({ instanceId: id }, actors.handlaggare)).toEqual([]);
    expect(h.runtime.listTasks({ instanceId: id }, actors.enhetschef).map((t) => t.elementId)).toEqual(['paminn']);
  });

  test('when a service task inside throws a business error, then the error event on the sub-process catches it', async () => {
    // given
    const id = await start('affarsfel');
    const [utred] = h.runtime.listTasks({ instanceId: id }, actors.handlaggare);
    await h.runtime.completeTask(utred!.id, {}, actors.handlaggare);
    // when
    await h.runtime.moveClock({ to: '2027-01-25T08:00:00Z' });
    // then
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['hanteraIngenPlats']);
  });

  test('when a step inside a sub-process waits for a message, then delivering it moves the case on', async () => {
    // given: the ten days' wait is a message instead
    const xml = (await readFile(path.join(fixturesDir, 'structure', 'delprocess.bpmn'), 'utf8'))
      .replace('<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P10D</bpmn:timeDuration></bpmn:timerEventDefinition>', '<bpmn:messageEventDefinition messageRef="intygKommer" />')
      .replace('<bpmn:process id="delprocess"', '<bpmn:message id="intygKommer" name="Intyg kommer" />\n  <bpmn:process id="delprocess"');
    h = await startHarness({ engineCacheSize, processes: [['delprocess.bpmn', xml]], handlers: testHandlers });
    const { id } = await h.runtime.startInstance('delprocess', { variables: { utfall: 'ok' } }, actors.handlaggare);
    const [utred] = h.runtime.listTasks({ instanceId: id }, actors.handlaggare);
    await h.runtime.completeTask(utred!.id, {}, actors.handlaggare);
    // when
    await h.runtime.deliverMessage(id, 'intygKommer', {}, actors.handlaggare);
    // then
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['besluta']);
  });
});
