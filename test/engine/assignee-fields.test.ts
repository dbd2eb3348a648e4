// A task given to whoever a form's field names must take that name from a `user` field, picked from the users of a
// role: a text field would hand the task to whatever was typed, a misspelt name to nobody who can see it.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { testDefinitionsOpen, withLayout } from '../helpers/diagram-layout.js';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';

const diagram = (fieldType: string, properties = '') =>
  withLayout(`${testDefinitionsOpen}
  <bpmn:process id="fordela" name="Fördela" isExecutable="true">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="valj" />
    <bpmn:userTask id="valj" name="Välj ansvarig" camunda:candidateGroups="boendeteam-chef">
      <bpmn:extensionElements><camunda:formData>
        <camunda:formField id="ansvarig" label="Ansvarig" type="${fieldType}">${properties}</camunda:formField>
      </camunda:formData></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="valj" targetRef="kartlagg" />
    <bpmn:userTask id="kartlagg" name="Kartlägg" camunda:candidateGroups="arbetsterapeut" camunda:assignee="=ansvarig" />
    <bpmn:sequenceFlow id="f3" sourceRef="kartlagg" targetRef="slut" />
    <bpmn:endEvent id="slut" name="Slut" />
  </bpmn:process>
</bpmn:definitions>`);

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ processes: [] });
});
afterEach(() => h.close());

describe('camunda:assignee from a form field', () => {
  test('when the assignee comes from a text field, then the diagram is refused at the task and nothing is deployed', async () => {
    // given
    const xml = diagram('string');
    // when
    const { problems } = await h.runtime.checkDefinition(xml);
    const publish = h.runtime.deploy(xml, actors.admin);
    // then
    expect(problems).toEqual([{ elementId: 'kartlagg', message: expect.stringContaining('fältet "ansvarig", som är av typen string. Gör fältet till typen user') }]);
    await expect(publish).rejects.toMatchObject({ code: 'invalid_definition' });
    expect(h.runtime.listProcesses()).toEqual([]);
  });

  test('when the assignee comes from a user field of a role, then the diagram is accepted', async () => {
    // given
    const xml = diagram('user', '<camunda:properties><camunda:property id="role" value="arbetsterapeut" /></camunda:properties>');
    // when
    const { problems } = await h.runtime.checkDefinition(xml);
    // then
    expect(problems).toEqual([]);
  });
});
