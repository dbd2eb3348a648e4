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
    expect(await steps(h, id, 'activity.cancelled')).toEqual(['utred']);
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

  test('when a service task inside fails for a reason nobody catches, then an incident opens at it and a retry after a restart goes on', async () => {
    // given
    const id = await start('tekniskt');
    const [utred] = h.runtime.listTasks({ instanceId: id }, actors.handlaggare);
    await h.runtime.completeTask(utred!.id, {}, actors.handlaggare);
    await h.runtime.moveClock({ to: '2027-01-25T08:00:00Z' });
    const [incident] = h.runtime.getInstance(id).incidents;
    // when
    await h.restart();
    await h.runtime.retryIncident(id, incident!.id, { utfall: 'ok' }, actors.enhetschef);
    // then
    expect(incident).toEqual(expect.objectContaining({ elementId: 'boka' }));
    expect(h.runtime.getInstance(id).incidents).toEqual([]);
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['besluta']);
  });

  test('when a task inside a sub-process is answered, then a choice inside reads the answer and the process after it reads the results', async () => {
    // given: "Utred behovet" asks whether a place is needed; a choice inside skips the booking when it is not (the
    // drawing left out, so one is laid out)
    const xml = (await readFile(path.join(fixturesDir, 'structure', 'delprocess.bpmn'), 'utf8'))
      .replace(
        '<bpmn:userTask id="utred" name="Utred behovet" camunda:candidateGroups="lss-handlaggare" />',
        '<bpmn:userTask id="utred" name="Utred behovet" camunda:candidateGroups="lss-handlaggare"><bpmn:extensionElements><camunda:formData><camunda:formField id="behovPlats" label="Behövs plats?" type="boolean" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>',
      )
      .replace(
        '<bpmn:sequenceFlow id="u3" sourceRef="vanta" targetRef="boka" />',
        '<bpmn:sequenceFlow id="u3" sourceRef="vanta" targetRef="behovs" /><bpmn:exclusiveGateway id="behovs" name="Behövs plats?" default="ja" />' +
          '<bpmn:sequenceFlow id="ja" name="Ja" sourceRef="behovs" targetRef="boka" />' +
          '<bpmn:sequenceFlow id="nej" name="Nej" sourceRef="behovs" targetRef="utredSlut"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=behovPlats = false</bpmn:conditionExpression></bpmn:sequenceFlow>',
      )
      .replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    h = await startHarness({ engineCacheSize, processes: [['delprocess.bpmn', xml]], handlers: testHandlers });
    const first = (await h.runtime.startInstance('delprocess', { variables: { utfall: 'ok' } }, actors.handlaggare)).id;
    const second = (await h.runtime.startInstance('delprocess', { variables: { utfall: 'ok' } }, actors.handlaggare)).id;
    // when
    for (const [id, behovPlats] of [[first, false], [second, true]] as const) {
      const [utred] = h.runtime.listTasks({ instanceId: id }, actors.handlaggare);
      await h.runtime.completeTask(utred!.id, { behovPlats }, actors.handlaggare);
    }
    await h.restart();
    await h.runtime.moveClock({ to: '2027-01-25T08:00:00Z' });
    // then
    const booked = async (id: string) => (await h.runtime.getHistory(id)).some((e) => e.type === 'activity.left' && e.elementId === 'boka');
    expect([await booked(first), await booked(second)]).toEqual([false, true]);
    expect(h.runtime.getInstance(second).variables).toEqual(expect.objectContaining({ behovPlats: true, bokad: true }));
    expect(h.runtime.getInstance(first).active.map((a) => a.elementId)).toEqual(['besluta']);
  });
});
