// Messages between two cases (sendCaseMessage): stored with the sending step, delivered once it is stored, answered
// back at once, refused into an error boundary when the receiver does not wait, and delivered once after a crash.
import { afterEach, describe, expect, test } from 'vitest';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { requiredConstraint, testDefinitionsOpen, withLayout } from '../helpers/diagram-layout.js';
import { completeTask, openTasks } from '../helpers/feature-steps.js';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';


/** Asks the case named in its start form a question, then waits for the answer. */
const asker = withLayout(`${testDefinitionsOpen}
  <bpmn:message id="svar" name="Svar"><bpmn:extensionElements><camunda:formData>
    <camunda:formField id="svarText" label="Svar" type="string">${requiredConstraint}</camunda:formField>
  </camunda:formData></bpmn:extensionElements></bpmn:message>
  <bpmn:error id="vantarInteFel" name="Väntar inte" errorCode="ARENDET_VANTAR_INTE" />
  <bpmn:process id="fragare" name="Frågare" isExecutable="true" camunda:candidateStarterGroups="enhetschef">
    <bpmn:startEvent id="start" name="Start"><bpmn:extensionElements><camunda:formData>
      <camunda:formField id="mottagare" label="Mottagare" type="string">${requiredConstraint}</camunda:formField>
      <camunda:formField id="fraga" label="Fråga" type="string">${requiredConstraint}</camunda:formField>
    </camunda:formData></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="skicka" />
    <bpmn:serviceTask id="skicka" name="Skicka frågan" implementation="\${environment.services.sendCaseMessage}"><bpmn:extensionElements><camunda:properties>
      <camunda:property name="to" value="=mottagare" />
      <camunda:property name="message" value="fraga" />
      <camunda:property name="variables" value="={text: fraga}" />
      <camunda:property name="senderVariable" value="fran" />
    </camunda:properties></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:boundaryEvent id="vantarInte" name="Väntar inte" attachedToRef="skicka"><bpmn:errorEventDefinition errorRef="vantarInteFel" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="vantarInte" targetRef="ingenMottagare" />
    <bpmn:userTask id="ingenMottagare" name="Ingen mottagare" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f3" sourceRef="ingenMottagare" targetRef="slut2" />
    <bpmn:endEvent id="slut2" name="Slut" />
    <bpmn:sequenceFlow id="f4" sourceRef="skicka" targetRef="vantaSvar" />
    <bpmn:receiveTask id="vantaSvar" name="Väntar på svar" messageRef="svar" />
    <bpmn:sequenceFlow id="f5" sourceRef="vantaSvar" targetRef="lasSvar" />
    <bpmn:userTask id="lasSvar" name="Läs svaret" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f6" sourceRef="lasSvar" targetRef="slut" />
    <bpmn:endEvent id="slut" name="Slut" />
  </bpmn:process>
</bpmn:definitions>`);

/** Waits for a question, lets a person answer it, and sends the answer back to whoever asked. */
const answerer = withLayout(`${testDefinitionsOpen}
  <bpmn:message id="fraga" name="Fråga"><bpmn:extensionElements><camunda:formData>
    <camunda:formField id="text" label="Fråga" type="string">${requiredConstraint}</camunda:formField>
    <camunda:formField id="fran" label="Från" type="string">${requiredConstraint}</camunda:formField>
  </camunda:formData></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="svarare" name="Svarare" isExecutable="true" camunda:candidateStarterGroups="enhetschef">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="vantaFraga" />
    <bpmn:receiveTask id="vantaFraga" name="Väntar på en fråga" messageRef="fraga" />
    <bpmn:sequenceFlow id="f2" sourceRef="vantaFraga" targetRef="besvara" />
    <bpmn:userTask id="besvara" name="Besvara frågan" camunda:candidateGroups="enhetschef"><bpmn:extensionElements><camunda:formData>
      <camunda:formField id="svarText" label="Svar" type="string">${requiredConstraint}</camunda:formField>
    </camunda:formData></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="besvara" targetRef="skickaSvar" />
    <bpmn:serviceTask id="skickaSvar" name="Skicka svaret" implementation="\${environment.services.sendCaseMessage}"><bpmn:extensionElements><camunda:properties>
      <camunda:property name="to" value="=fran" />
      <camunda:property name="message" value="svar" />
      <camunda:property name="variables" value="={svarText: svarText}" />
    </camunda:properties></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f4" sourceRef="skickaSvar" targetRef="slut" />
    <bpmn:endEvent id="slut" name="Slut" />
  </bpmn:process>
</bpmn:definitions>`);

describe.each([100, 0])('messages between cases (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());
  const start = async () => {
    h = await startHarness({ engineCacheSize, processes: [['fragare.bpmn', asker], ['svarare.bpmn', answerer]] });
    const { id: answering } = await h.runtime.startInstance('svarare', { variables: {} }, actors.enhetschef);
    return answering;
  };

  test('when one case asks another that waits, then the other gets the question and its answer comes back', async () => {
    // given
    const answering = await start();
    // when
    const { id: asking } = await h.runtime.startInstance('fragare', { variables: { mottagare: answering, fraga: 'Finns plats?' } }, actors.enhetschef);
    const asked = { tasks: openTasks(h.runtime, answering, actors.enhetschef), variables: h.runtime.getInstance(answering).variables };
    await completeTask(h.runtime, answering, 'besvara', { svarText: 'Ja, från måndag.' }, actors.enhetschef);
    // then
    expect(asked).toEqual({ tasks: ['besvara'], variables: expect.objectContaining({ text: 'Finns plats?', fran: asking }) });
    expect(openTasks(h.runtime, asking, actors.enhetschef)).toEqual(['lasSvar']);
    expect(h.runtime.getInstance(asking).variables.svarText).toBe('Ja, från måndag.');
    expect(h.runtime.getInstance(answering).state).toBe('completed');
    const history = await h.runtime.getHistory(asking);
    expect(history.filter((e) => e.type.startsWith('message.')).map((e) => e.type)).toEqual(['message.sent', 'message.received']);
  });

  test('when the other case does not wait for the question, then the asking case takes its error path and nothing is delivered', async () => {
    // given
    const answering = await start();
    await h.runtime.startInstance('fragare', { variables: { mottagare: answering, fraga: 'Första?' } }, actors.enhetschef);
    // when
    const { id: second } = await h.runtime.startInstance('fragare', { variables: { mottagare: answering, fraga: 'Andra?' } }, actors.enhetschef);
    // then
    expect(openTasks(h.runtime, second, actors.enhetschef)).toEqual(['ingenMottagare']);
    expect(h.runtime.getInstance(answering).variables.text).toBe('Första?');
    const history = await h.runtime.getHistory(answering);
    expect(history.filter((e) => e.type === 'message.received')).toHaveLength(1);
  });

  test('when the server stopped before a stored message was delivered, then the next start delivers it, and a resend is taken once', async () => {
    // given: the answer stored in the answering case's outbox, as a crash between its step and the delivery leaves it
    const answering = await start();
    const { id: asking } = await h.runtime.startInstance('fragare', { variables: { mottagare: answering, fraga: 'Finns plats?' } }, actors.enhetschef);
    const answer = { id: 'c9a1d7de-4a0b-4c55-9d4e-1f0c2e5b7a11', to: asking, message: 'svar', variables: { svarText: 'Ja.' }, elementId: 'skickaSvar', at: '2027-01-01T08:00:00.000Z' };
    const leaveInOutbox = async () => {
      const store = createLowdbStore(h.dataDir);
      await store.open();
      const doc = (await store.instances.load(answering))!;
      await store.instances.save({ ...doc, summary: { ...doc.summary, rev: doc.summary.rev + 1, outbox: [answer] }, lastEntries: doc.lastEntries.slice(-1) }, doc.summary.rev);
      await store.close();
    };
    // when
    const afterCrash = await h.restart(leaveInOutbox);
    const delivered = { tasks: openTasks(h.runtime, asking, actors.enhetschef), svarText: afterCrash.getInstance(asking).variables.svarText };
    const afterSecondCrash = await h.restart(leaveInOutbox);
    // then
    expect(delivered).toEqual({ tasks: ['lasSvar'], svarText: 'Ja.' });
    expect((await afterSecondCrash.getHistory(asking)).filter((e) => e.type === 'message.received')).toHaveLength(1);
    expect((await afterSecondCrash.getHistory(answering)).map((e) => e.type)).not.toContain('message.undelivered');
    expect(afterSecondCrash.getInstance(answering).state).toBe('running');
    expect(openTasks(h.runtime, asking, actors.enhetschef)).toEqual(['lasSvar']);
  });
});
