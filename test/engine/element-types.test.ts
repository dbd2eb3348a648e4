// Every element type the checks accept runs to an end on our engine set-up: tasks, gateways, catching and throwing
// events, boundary events and end events, in diagrams driven through the runtime as a case would be. (Link events
// did not: the catching link waited from the start and the case never ended through it, so they are refused.)
import { afterEach, describe, expect, test } from 'vitest';
import { testDefinitionsOpen, withLayout } from '../helpers/diagram-layout.js';
import { completeTask } from '../helpers/feature-steps.js';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';

const bevakning = `<bpmn:extensionElements><camunda:properties>
      <camunda:property name="group" value="enhetschef" /><camunda:property name="subject" value="Steg" /><camunda:property name="body" value="Ett steg." />
    </camunda:properties></bpmn:extensionElements>`;

/** Tasks, the four gateways, a timer, messages and throwing events, ending in a terminate end event. */
const flow = withLayout(`${testDefinitionsOpen}
  <bpmn:message id="svar" name="Svar" />
  <bpmn:message id="besked" name="Besked" />
  <bpmn:message id="utskick" name="Utskick" />
  <bpmn:signal id="signal" name="Signal" />
  <bpmn:escalation id="eskalering" name="Eskalering" escalationCode="ESK" />
  <bpmn:process id="alla-steg" name="Alla steg" isExecutable="true">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="uppgift" />
    <bpmn:userTask id="uppgift" name="Uppgift" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f2" sourceRef="uppgift" targetRef="tjanst" />
    <bpmn:serviceTask id="tjanst" name="Tjänst" implementation="\${environment.services.sendBevakning}">${bevakning}</bpmn:serviceTask>
    <bpmn:sequenceFlow id="f3" sourceRef="tjanst" targetRef="skicka" />
    <bpmn:sendTask id="skicka" name="Skicka" implementation="\${environment.services.sendBevakning}">${bevakning}</bpmn:sendTask>
    <bpmn:sequenceFlow id="f4" sourceRef="skicka" targetRef="val" />
    <bpmn:exclusiveGateway id="val" name="Val" default="f5b" />
    <bpmn:sequenceFlow id="f5a" name="Aldrig" sourceRef="val" targetRef="slutAldrig"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">1 = 2</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:endEvent id="slutAldrig" name="Aldrig" />
    <bpmn:sequenceFlow id="f5b" name="Alltid" sourceRef="val" targetRef="dela" />
    <bpmn:parallelGateway id="dela" name="Dela" />
    <bpmn:sequenceFlow id="f6a" sourceRef="dela" targetRef="ta" />
    <bpmn:sequenceFlow id="f6b" sourceRef="dela" targetRef="timme" />
    <bpmn:receiveTask id="ta" name="Ta emot svar" messageRef="svar" />
    <bpmn:intermediateCatchEvent id="timme" name="En timme"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f7a" sourceRef="ta" targetRef="mots" />
    <bpmn:sequenceFlow id="f7b" sourceRef="timme" targetRef="mots" />
    <bpmn:parallelGateway id="mots" name="Möts" />
    <bpmn:sequenceFlow id="f8" sourceRef="mots" targetRef="inkl" />
    <bpmn:inclusiveGateway id="inkl" name="Inkluderande" />
    <bpmn:sequenceFlow id="f9a" name="A" sourceRef="inkl" targetRef="inklMots"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f9b" name="B" sourceRef="inkl" targetRef="inklB"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">1 = 1</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:serviceTask id="inklB" name="Gren B" implementation="\${environment.services.sendBevakning}">${bevakning}</bpmn:serviceTask>
    <bpmn:sequenceFlow id="f9c" sourceRef="inklB" targetRef="inklMots" />
    <bpmn:inclusiveGateway id="inklMots" name="Inkluderande möts" />
    <bpmn:sequenceFlow id="f10" sourceRef="inklMots" targetRef="handelse" />
    <bpmn:eventBasedGateway id="handelse" name="Det som kommer först" />
    <bpmn:sequenceFlow id="f11a" sourceRef="handelse" targetRef="beskedKom" />
    <bpmn:sequenceFlow id="f11b" sourceRef="handelse" targetRef="ingetBesked" />
    <bpmn:intermediateCatchEvent id="beskedKom" name="Besked"><bpmn:messageEventDefinition messageRef="besked" /></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="ingetBesked" name="Ett dygn"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f12a" sourceRef="beskedKom" targetRef="efterHandelse" />
    <bpmn:sequenceFlow id="f12b" sourceRef="ingetBesked" targetRef="efterHandelse" />
    <bpmn:exclusiveGateway id="efterHandelse" name="Efter händelsen" />
    <bpmn:sequenceFlow id="f13" sourceRef="efterHandelse" targetRef="kasta" />
    <bpmn:intermediateThrowEvent id="kasta" name="Händelse" />
    <bpmn:sequenceFlow id="f14" sourceRef="kasta" targetRef="kastaMeddelande" />
    <bpmn:intermediateThrowEvent id="kastaMeddelande" name="Meddelande ut"><bpmn:messageEventDefinition messageRef="utskick" /></bpmn:intermediateThrowEvent>
    <bpmn:sequenceFlow id="f15" sourceRef="kastaMeddelande" targetRef="kastaSignal" />
    <bpmn:intermediateThrowEvent id="kastaSignal" name="Signal ut"><bpmn:signalEventDefinition signalRef="signal" /></bpmn:intermediateThrowEvent>
    <bpmn:sequenceFlow id="f16" sourceRef="kastaSignal" targetRef="slut" />
    <bpmn:endEvent id="slut" name="Slut"><bpmn:terminateEventDefinition /></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`);

/** Boundary events (timer, message, error) and the throwing end events (message, signal, escalation, error). */
const edges = withLayout(`${testDefinitionsOpen}
  <bpmn:message id="avbryt" name="Avbryt" />
  <bpmn:message id="ut" name="Ut" />
  <bpmn:signal id="signal" name="Signal" />
  <bpmn:escalation id="eskalering" name="Eskalering" escalationCode="ESK" />
  <bpmn:error id="saknas" name="Saknas" errorCode="LAGENHET_SAKNAS" />
  <bpmn:process id="kanter" name="Kanter" isExecutable="true">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="dela" />
    <bpmn:parallelGateway id="dela" name="Dela" />
    <bpmn:sequenceFlow id="f2a" sourceRef="dela" targetRef="vanta" />
    <bpmn:sequenceFlow id="f2b" sourceRef="dela" targetRef="registrera" />
    <bpmn:userTask id="vanta" name="Vänta" camunda:candidateGroups="enhetschef" />
    <bpmn:boundaryEvent id="paminn" name="Efter en dag" cancelActivity="false" attachedToRef="vanta"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="paminn" targetRef="paminnSlut" />
    <bpmn:endEvent id="paminnSlut" name="Påmint"><bpmn:escalationEventDefinition escalationRef="eskalering" /></bpmn:endEvent>
    <bpmn:boundaryEvent id="avbrutet" name="Avbryt" attachedToRef="vanta"><bpmn:messageEventDefinition messageRef="avbryt" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="avbrutet" targetRef="avbrutetSlut" />
    <bpmn:endEvent id="avbrutetSlut" name="Avbrutet"><bpmn:messageEventDefinition messageRef="ut" /></bpmn:endEvent>
    <bpmn:sequenceFlow id="f5" sourceRef="vanta" targetRef="vantatSlut" />
    <bpmn:endEvent id="vantatSlut" name="Väntat"><bpmn:signalEventDefinition signalRef="signal" /></bpmn:endEvent>
    <bpmn:serviceTask id="registrera" name="Registrera" implementation="\${environment.services.registerVacancy}"><bpmn:extensionElements><camunda:properties>
      <camunda:property name="apartmentId" value="finns-inte" /><camunda:property name="readyDate" value="2027-02-01" /><camunda:property name="reason" value="flyttat" />
    </camunda:properties></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:boundaryEvent id="fanns" name="Saknas" attachedToRef="registrera"><bpmn:errorEventDefinition errorRef="saknas" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f6" sourceRef="fanns" targetRef="saknasSlut" />
    <bpmn:endEvent id="saknasSlut" name="Saknades" />
    <bpmn:sequenceFlow id="f7" sourceRef="registrera" targetRef="registreradSlut" />
    <bpmn:endEvent id="registreradSlut" name="Registrerad" />
  </bpmn:process>
</bpmn:definitions>`);

describe('every accepted element type runs to an end', () => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when a case passes tasks, the four gateways, a timer, messages and throwing events, then it completes', async () => {
    // given
    h = await startHarness({ processes: [['alla-steg.bpmn', flow]] });
    const { id } = await h.runtime.startInstance('alla-steg', { variables: {} }, actors.admin);
    // when
    await completeTask(h.runtime, id, 'uppgift', {}, actors.enhetschef);
    await h.runtime.deliverMessage(id, 'svar', {}, actors.admin);
    const beforeTimer = h.runtime.getInstance(id).active.map((a) => a.elementId);
    await h.runtime.moveClock({ advance: 'PT1H' });
    const atEventGateway = h.runtime.getInstance(id).waitingFor.map((w) => w.elementId).sort();
    await h.runtime.deliverMessage(id, 'besked', {}, actors.admin);
    // then
    expect(beforeTimer).toEqual(['timme']);
    expect(atEventGateway).toEqual(['beskedKom', 'ingetBesked']);
    expect(h.runtime.getInstance(id)).toMatchObject({ state: 'completed', incidents: [] });
  });

  test('when the event gateway\u2019s timer comes first, then that path is taken and the case completes', async () => {
    // given
    h = await startHarness({ processes: [['alla-steg.bpmn', flow]] });
    const { id } = await h.runtime.startInstance('alla-steg', { variables: {} }, actors.admin);
    await completeTask(h.runtime, id, 'uppgift', {}, actors.enhetschef);
    await h.runtime.deliverMessage(id, 'svar', {}, actors.admin);
    // when
    await h.runtime.moveClock({ advance: 'P2D' });
    // then
    expect(h.runtime.getInstance(id).state).toBe('completed');
  });

  test('when boundary events fire (timer, message, error) and end events throw (escalation, message, signal), then the case completes', async () => {
    // given
    h = await startHarness({ processes: [['kanter.bpmn', edges]] });
    const { id } = await h.runtime.startInstance('kanter', { variables: {} }, actors.admin);
    const afterStart = h.runtime.getInstance(id);
    // when
    await h.runtime.moveClock({ advance: 'PT25H' });
    const afterTimer = h.runtime.getInstance(id).state;
    await h.runtime.deliverMessage(id, 'avbryt', {}, actors.admin);
    // then
    expect(afterStart.incidents).toEqual([]);
    expect(afterTimer).toBe('running');
    expect(h.runtime.getInstance(id).state).toBe('completed');
  });

  test('when the task with boundaries is completed instead, then its own path ends the case', async () => {
    // given
    h = await startHarness({ processes: [['kanter.bpmn', edges]] });
    const { id } = await h.runtime.startInstance('kanter', { variables: {} }, actors.admin);
    // when
    await completeTask(h.runtime, id, 'vanta', {}, actors.enhetschef);
    // then
    expect(h.runtime.getInstance(id).state).toBe('completed');
  });

  test('when a diagram draws a link pair, then it is refused at both links', async () => {
    // given
    h = await startHarness({ processes: [['kanter.bpmn', edges]] });
    const linked = flow.replace('<bpmn:sequenceFlow id="f16" sourceRef="kastaSignal" targetRef="slut" />', '<bpmn:sequenceFlow id="f16" sourceRef="kastaSignal" targetRef="lankUt" /><bpmn:intermediateThrowEvent id="lankUt" name="Till länken"><bpmn:linkEventDefinition name="L" /></bpmn:intermediateThrowEvent><bpmn:intermediateCatchEvent id="lankIn" name="Från länken"><bpmn:linkEventDefinition name="L" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="f17" sourceRef="lankIn" targetRef="slut" />');
    // when
    const check = await h.runtime.checkDefinition(linked);
    // then
    expect(check.problems.filter((p) => p.message.startsWith('Länkhändelser stöds inte')).map((p) => p.elementId).sort()).toEqual(['lankIn', 'lankUt']);
  });
});
