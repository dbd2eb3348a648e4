// A timer whose due date cannot be computed from the case's values waits at an incident instead of failing the case:
// the case runs on with its other steps, and a retry with the value corrected arms the timer.
import { afterEach, describe, expect, test } from 'vitest';
import { testDefinitionsOpen, withLayout } from '../helpers/diagram-layout.js';
import { completeTask, openTasks } from '../helpers/feature-steps.js';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';

/** The follow-up date is asked for but not required; the wait for it runs beside a task of its own. */
const followUp = withLayout(`${testDefinitionsOpen}
  <bpmn:process id="uppfoljning" name="Uppföljning" isExecutable="true" camunda:candidateStarterGroups="enhetschef">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="planera" />
    <bpmn:userTask id="planera" name="Planera uppföljningen" camunda:candidateGroups="enhetschef">
      <bpmn:extensionElements><camunda:formData>
        <camunda:formField id="uppfoljningsdatum" label="Uppföljningsdatum" type="date" />
      </camunda:formData></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="planera" targetRef="dela" />
    <bpmn:parallelGateway id="dela" name="Dela" />
    <bpmn:sequenceFlow id="f3" sourceRef="dela" targetRef="dagen" />
    <bpmn:sequenceFlow id="f4" sourceRef="dela" targetRef="dokumentera" />
    <bpmn:intermediateCatchEvent id="dagen" name="Uppföljningsdagen"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=date(uppfoljningsdatum)</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f5" sourceRef="dagen" targetRef="folj" />
    <bpmn:userTask id="folj" name="Följ upp" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f6" sourceRef="folj" targetRef="uppfoljd" />
    <bpmn:endEvent id="uppfoljd" name="Uppföljd" />
    <bpmn:userTask id="dokumentera" name="Dokumentera planen" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f7" sourceRef="dokumentera" targetRef="dokumenterad" />
    <bpmn:endEvent id="dokumenterad" name="Dokumenterad" />
  </bpmn:process>
</bpmn:definitions>`);

describe.each([100, 0])('a timer whose date cannot be computed (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when the date was left empty, then the case runs on with an incident at the timer, and a retry with the date arms it', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: [['uppfoljning.bpmn', followUp]] });
    const { id } = await h.runtime.startInstance('uppfoljning', { variables: {} }, actors.enhetschef);
    // when: the date is left out
    await completeTask(h.runtime, id, 'planera', {}, actors.enhetschef);
    const stopped = h.runtime.getInstance(id);
    await h.restart();
    const afterRestart = h.runtime.getInstance(id);
    const [incident] = afterRestart.incidents;
    const failedAgain = h.runtime.retryIncident(id, incident!.id, {}, actors.enhetschef);
    await expect(failedAgain).rejects.toMatchObject({ code: 'conflict' });
    await h.runtime.retryIncident(id, incident!.id, { uppfoljningsdatum: '2027-03-01' }, actors.enhetschef);
    const armed = h.runtime.getInstance(id);
    await h.runtime.moveClock({ to: '2027-03-01T08:00:00Z' });
    // then
    expect(stopped.state).toBe('running');
    expect(stopped.incidents).toEqual([expect.objectContaining({ elementId: 'dagen', name: 'Uppföljningsdagen', message: expect.stringContaining('Tidpunkten kunde inte räknas ut') })]);
    expect(openTasks(h.runtime, id, actors.enhetschef)).toEqual(['dokumentera', 'folj']);
    expect(afterRestart.incidents.map((i) => i.id)).toEqual([stopped.incidents[0]!.id]);
    expect(h.runtime.listInbox(actors.enhetschef).map((b) => b.subject)).toEqual(['Ett steg har stannat: Uppföljningsdagen']);
    expect(armed.incidents).toEqual([]);
    expect(armed.waitingFor).toEqual([{ type: 'timer', elementId: 'dagen', name: 'Uppföljningsdagen', due: '2027-02-28T23:00:00.000Z' }]);
    await completeTask(h.runtime, id, 'dokumentera', {}, actors.enhetschef);
    await completeTask(h.runtime, id, 'folj', {}, actors.enhetschef);
    expect(h.runtime.getInstance(id).state).toBe('completed');
  });
});
