import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { actors, fixturesDir, startHarness, type Harness } from '../helpers/runtime-harness.js';

const vantetid = () => readFile(path.join(fixturesDir, 'engine', 'vantetid.bpmn'), 'utf8');

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ processes: ['engine/vantetid.bpmn'] });
});
afterEach(() => h.close());

describe("bpmnlint's recommended rules on a publish", () => {
  test('when a task has no flow into it, then the check names it and a publish is refused', async () => {
    // given: the flow that led into "Följ upp" now leads to the end, so nothing reaches the task
    const xml = (await vantetid()).replace(/targetRef="folja"/, 'targetRef="slut"');
    // when
    const check = await h.runtime.checkDefinition(xml);
    const publish = h.runtime.deploy(xml, actors.admin);
    // then
    expect(check.problems).toContainEqual({ elementId: 'folja', message: expect.stringContaining('(no-implicit-start)') });
    await expect(publish).rejects.toMatchObject({ code: 'invalid_definition' });
    expect(h.runtime.getProcess('vantetid').version).toBe(1);
  });

  test('when an element is missing from the drawing, then it is refused: the case page could not show it', async () => {
    // given
    const xml = (await vantetid()).replace(/<bpmndi:BPMNShape id="folja_di"[\s\S]*?<\/bpmndi:BPMNShape>/, '');
    // when
    const check = await h.runtime.checkDefinition(xml);
    // then
    expect(check.problems).toEqual([{ elementId: 'folja', message: 'Elementet saknas i ritningen (BPMN DI). Rita in det, eller ta bort hela ritningen så skapas en automatiskt. (no-bpmndi)' }]);
  });

  test('when a gateway neither splits nor joins, then it is a warning and the publish goes through', async () => {
    // given: a gateway with one flow in and one out between the start and the timer
    const xml = (await vantetid())
      .replace(
        '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="tremanader" />',
        '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="onodig" /><bpmn:exclusiveGateway id="onodig" /><bpmn:sequenceFlow id="f1b" sourceRef="onodig" targetRef="tremanader" />',
      )
      .replace(
        '</bpmndi:BPMNPlane>',
        '<bpmndi:BPMNShape id="onodig_di" bpmnElement="onodig"><dc:Bounds x="300" y="300" width="50" height="50" /></bpmndi:BPMNShape><bpmndi:BPMNEdge id="f1b_di" bpmnElement="f1b"><di:waypoint x="325" y="300" /><di:waypoint x="400" y="140" /></bpmndi:BPMNEdge></bpmndi:BPMNPlane>',
      );
    // when
    const check = await h.runtime.checkDefinition(xml);
    const published = await h.runtime.deploy(xml, actors.admin);
    // then
    expect(check).toMatchObject({ problems: [], warnings: [{ elementId: 'onodig', message: expect.stringContaining('(superfluous-gateway)') }] });
    expect(published).toEqual({ key: 'vantetid', version: 2, warnings: check.warnings });
  });
});

describe('tasks that would do nothing', () => {
  test('when a task has no type, then it is refused with what to make of it', async () => {
    // given
    const xml = (await vantetid()).replace(/<bpmn:userTask id="folja"[^>]*\/>/, '<bpmn:task id="folja" name="Följ upp" />');
    // when
    const check = await h.runtime.checkDefinition(xml);
    // then
    expect(check.problems).toEqual([{ elementId: 'folja', message: expect.stringContaining('Gör den till en användaruppgift') }]);
  });
});

describe('attributes the engine does not know', () => {
  test('when a user task carries camunda:expression or an attribute of another namespace, then each is refused at the task', async () => {
    // given: camunda:expression belongs to service tasks; on a user task nothing would ever read it, nor foo:bar
    const xml = (await vantetid()).replace(
      '<bpmn:userTask id="folja"',
      '<bpmn:userTask xmlns:foo="http://example.com/foo" foo:bar="${environment.services.sendBevakning}" camunda:expression="${environment.services.sendBevakning}" id="folja"',
    );
    // when
    const check = await h.runtime.checkDefinition(xml);
    // then
    expect(check.problems).toEqual([
      { elementId: 'folja', message: 'XML: attributet camunda:expression finns inte för det här elementet och skulle aldrig läsas. Ta bort det.' },
      { elementId: 'folja', message: 'Attributet foo:bar hör till ett tillägg som inte läses här, så det skulle inte göra något. Ta bort det.' },
    ]);
  });
});

describe('publishing from the editor keeps the routine', () => {
  test('when the process id changed, then the check says so and nothing is published', async () => {
    // given
    const xml = (await vantetid()).replaceAll('vantetid', 'annan-rutin');
    // when
    const check = await h.runtime.checkDefinition(xml, 'vantetid');
    const publish = h.runtime.deploy(xml, actors.admin, { key: 'vantetid' });
    // then
    expect(check).toMatchObject({ key: 'annan-rutin', problems: [{ elementId: 'annan-rutin', message: expect.stringContaining('måste vara vantetid') }] });
    await expect(publish).rejects.toMatchObject({ code: 'invalid_definition' });
    expect(h.runtime.listProcesses().map((p) => p.key)).toEqual(['vantetid']);
  });

  test('when the process names a closing message it does not have, then the check says so: closing its decision could not close the case', async () => {
    // given
    const xml = (await vantetid()).replace(
      '<bpmn:process id="vantetid" name="Väntetid i tre månader" isExecutable="true">',
      '<bpmn:process id="vantetid" name="Väntetid i tre månader" isExecutable="true"><bpmn:extensionElements><camunda:properties><camunda:property name="avslutsmeddelande" value="finnsInte" /></camunda:properties></bpmn:extensionElements>',
    );
    // when
    const check = await h.runtime.checkDefinition(xml);
    // then
    expect(check.problems).toContainEqual({ elementId: 'vantetid', message: 'Egenskapen avslutsmeddelande namnger meddelandet "finnsInte", som inte finns i diagrammet. Skapa meddelandet (bpmn:message med det id:t), eller rätta egenskapen.' });
  });

  test('when a diagram uses compensation, then it is refused at the compensating task and the compensation event', async () => {
    // given: "Följ upp" compensates, and an intermediate throw event asks for compensation before the end
    const xml = (await vantetid())
      .replace('<bpmn:userTask id="folja"', '<bpmn:userTask isForCompensation="true" id="folja"')
      .replace('<bpmn:endEvent id="slut"', '<bpmn:endEvent id="slut"><bpmn:compensateEventDefinition id="kompensera" /></bpmn:endEvent><bpmn:endEvent id="slutGammal"');
    // when
    const check = await h.runtime.checkDefinition(xml);
    // then
    const compensation = check.problems.filter((p) => p.message.startsWith('Kompensation stöds inte'));
    expect(compensation.map((p) => p.elementId).sort()).toEqual(['folja', 'slut']);
  });

  test('when a step waits for a signal, then it is refused: nothing can send one, the case would wait for ever', async () => {
    // given: the three-month timer becomes a wait for a signal
    const xml = (await vantetid())
      .replace('<bpmn:process id="vantetid"', '<bpmn:signal id="signalen" name="Signalen" /><bpmn:process id="vantetid"')
      .replace(/<bpmn:timerEventDefinition[\s\S]*?<\/bpmn:timerEventDefinition>/, '<bpmn:signalEventDefinition signalRef="signalen" />');
    // when
    const check = await h.runtime.checkDefinition(xml);
    // then
    expect(check.problems).toContainEqual({ elementId: 'tremanader', message: expect.stringContaining('En signal kan inte skickas till ett ärende') });
  });

  test('when the file is not XML at all, then the check answers with that one problem', async () => {
    // when
    const check = await h.runtime.checkDefinition('inte ett diagram');
    // then
    expect(check).toEqual({ key: null, problems: [{ elementId: null, message: expect.stringContaining('inte ett BPMN-diagram') }], warnings: [] });
  });

  test('when two owners publish on top of the same version at once, then one becomes version 2 and the other is told', async () => {
    // given: both opened version 1 and changed the task's name differently
    const base = await vantetid();
    const first = base.replace('name="Följ upp"', 'name="Följ upp beslutet"');
    const second = base.replace('name="Följ upp"', 'name="Följ upp ärendet"');
    // when
    const outcomes = await Promise.allSettled([
      h.runtime.deploy(first, actors.admin, { key: 'vantetid', baseVersion: 1 }),
      h.runtime.deploy(second, actors.admin, { key: 'vantetid', baseVersion: 1 }),
    ]);
    // then
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value)).toEqual([{ key: 'vantetid', version: 2, warnings: [] }]);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason)).toEqual([
      expect.objectContaining({ code: 'conflict', message: expect.stringContaining('publicerade version 2 efter att du öppnade version 1') }),
    ]);
    expect(h.runtime.getProcess('vantetid').version).toBe(2);
  });
});
