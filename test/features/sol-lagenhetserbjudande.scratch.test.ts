import { afterEach, expect, test } from 'vitest';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';
const admin = { username: 'admin', roles: ['admin'] };
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="x">
<bpmn:message id="nej" name="Nej" />
<bpmn:process id="exp-multi" name="Exp" isExecutable="true">
<bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="split" />
<bpmn:parallelGateway id="split"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>fa</bpmn:outgoing><bpmn:outgoing>fb</bpmn:outgoing></bpmn:parallelGateway>
<bpmn:sequenceFlow id="fa" sourceRef="split" targetRef="a" />
<bpmn:sequenceFlow id="fb" sourceRef="split" targetRef="b" />
<bpmn:userTask id="a" name="A" camunda:candidateGroups="enhetschef"><bpmn:incoming>fa</bpmn:incoming><bpmn:outgoing>fa2</bpmn:outgoing></bpmn:userTask>
<bpmn:sequenceFlow id="fa2" sourceRef="a" targetRef="join" />
<bpmn:boundaryEvent id="abn" attachedToRef="a"><bpmn:outgoing>fa3</bpmn:outgoing><bpmn:messageEventDefinition id="m1" messageRef="nej" /></bpmn:boundaryEvent>
<bpmn:sequenceFlow id="fa3" sourceRef="abn" targetRef="join" />
<bpmn:userTask id="b" name="B" camunda:candidateGroups="boendesamordnare"><bpmn:incoming>fb</bpmn:incoming><bpmn:outgoing>fb2</bpmn:outgoing></bpmn:userTask>
<bpmn:sequenceFlow id="fb2" sourceRef="b" targetRef="join" />
<bpmn:boundaryEvent id="bbn" attachedToRef="b"><bpmn:outgoing>fb3</bpmn:outgoing><bpmn:messageEventDefinition id="m2" messageRef="nej" /></bpmn:boundaryEvent>
<bpmn:sequenceFlow id="fb3" sourceRef="bbn" targetRef="join" />
<bpmn:exclusiveGateway id="join" default="fe"><bpmn:incoming>fa2</bpmn:incoming><bpmn:incoming>fa3</bpmn:incoming><bpmn:incoming>fb2</bpmn:incoming><bpmn:incoming>fb3</bpmn:incoming><bpmn:outgoing>fe</bpmn:outgoing></bpmn:exclusiveGateway>
<bpmn:sequenceFlow id="fe" sourceRef="join" targetRef="c" />
<bpmn:userTask id="c" name="C" camunda:candidateGroups="enhetschef"><bpmn:incoming>fe</bpmn:incoming></bpmn:userTask>
</bpmn:process></bpmn:definitions>`;
let h: Harness | null = null;
afterEach(async () => { await h?.close(); h = null; });
test('multi', async () => {
  h = await startHarness({ processes: [['exp-multi.bpmn', xml]] });
  const rt = h.runtime;
  const { id } = await rt.startInstance('exp-multi', { variables: {} }, admin);
  console.log(rt.listTasks({ instanceId: id }, admin).map((t) => t.elementId));
  await rt.deliverMessage(id, 'nej', {}, admin);
  console.log(rt.listTasks({ instanceId: id }, admin).map((t) => t.elementId));
  expect(1).toBe(1);
});
