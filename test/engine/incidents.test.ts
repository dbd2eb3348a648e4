// A step that fails for a reason the diagram does not catch opens an incident: the case keeps running at the step,
// its timers keep their dates, the process's roles are told, and a retry with corrected variables goes on from it.
import { afterEach, describe, expect, test } from 'vitest';
import { requiredConstraint, testDefinitionsOpen, withLayout } from '../helpers/diagram-layout.js';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';


/** Registers the apartment named at the start as vacant, then asks the enhetschef to show it; a yearly reminder runs beside. */
const vacancy = withLayout(`${testDefinitionsOpen}
  <bpmn:process id="ledighet" name="Ledighet" isExecutable="true" camunda:candidateStarterGroups="enhetschef">
    <bpmn:startEvent id="start" name="Start"><bpmn:extensionElements><camunda:formData>
      <camunda:formField id="beslutsdatum" label="Beslutsdatum" type="date">${requiredConstraint}</camunda:formField>
      <camunda:formField id="lagenhetId" label="Lägenhet" type="string">${requiredConstraint}</camunda:formField>
    </camunda:formData></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="dela" />
    <bpmn:parallelGateway id="dela" name="Dela" />
    <bpmn:sequenceFlow id="f2" sourceRef="dela" targetRef="registrera" />
    <bpmn:sequenceFlow id="f3" sourceRef="dela" targetRef="vanta" />
    <bpmn:serviceTask id="registrera" name="Registrera lägenheten som ledig" implementation="\${environment.services.registerVacancy}"><bpmn:extensionElements><camunda:properties>
      <camunda:property name="apartmentId" value="=lagenhetId" />
      <camunda:property name="readyDate" value="2027-02-01" />
      <camunda:property name="reason" value="flyttat" />
    </camunda:properties></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f4" sourceRef="registrera" targetRef="visa" />
    <bpmn:userTask id="visa" name="Visa lägenheten" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f5" sourceRef="visa" targetRef="slut" />
    <bpmn:endEvent id="slut" name="Slut"><bpmn:terminateEventDefinition /></bpmn:endEvent>
    <bpmn:intermediateCatchEvent id="vanta" name="Tre månader"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P3M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f6" sourceRef="vanta" targetRef="paminn" />
    <bpmn:userTask id="paminn" name="Påminnelse" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f7" sourceRef="paminn" targetRef="slut2" />
    <bpmn:endEvent id="slut2" name="Slut" />
  </bpmn:process>
</bpmn:definitions>`);

const housing = {
  units: [{ id: 'ekbacken', name: 'Ekbacken', law: 'SoL' as const, profile: 'Demens' }],
  apartments: [{ id: 'ek-1', unitId: 'ekbacken', number: '1', rooms: 1, sizeSqm: 30, rent: 5000, status: 'uthyrd' as const }],
};

describe.each([100, 0])('incidents (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());
  const startWrongApartment = async () => {
    h = await startHarness({ engineCacheSize, processes: [['ledighet.bpmn', vacancy]], housing });
    return (await h.runtime.startInstance('ledighet', { variables: { beslutsdatum: '2027-01-10', lagenhetId: 'ek-9' } }, actors.enhetschef)).id;
  };

  test('when a step fails for a reason the diagram does not catch, then the case runs on with an incident, its timer kept and the roles told', async () => {
    // given / when
    const id = await startWrongApartment();
    // then
    const instance = h.runtime.getInstance(id);
    expect(instance.state).toBe('running');
    expect(instance.incidents).toEqual([expect.objectContaining({ instanceId: id, elementId: 'registrera', name: 'Registrera lägenheten som ledig', message: expect.stringContaining('ek-9') })]);
    expect(h.runtime.listIncidents({}, actors.enhetschef).map((i) => i.elementId)).toEqual(['registrera']);
    expect(h.runtime.listIncidents({}, actors.handlaggare)).toEqual([]);
    expect(h.runtime.listInbox(actors.enhetschef).map((b) => b.subject)).toEqual(['Ett steg har stannat: Registrera lägenheten som ledig']);
    await h.runtime.moveClock({ advance: 'P3M1D' });
    expect(h.runtime.listTasks({ instanceId: id }, actors.enhetschef).map((t) => t.elementId)).toEqual(['paminn']);
  });

  test('when the incident is retried with the corrected variable, then the step runs and the process goes on from it', async () => {
    // given
    const id = await startWrongApartment();
    const [incident] = h.runtime.getInstance(id).incidents;
    if (engineCacheSize === 0) await h.restart();
    // when
    await h.runtime.retryIncident(id, incident!.id, { lagenhetId: 'ek-1' }, actors.enhetschef);
    // then
    expect(h.runtime.getInstance(id).incidents).toEqual([]);
    expect(h.runtime.housingRegister().apartments[0]).toMatchObject({ status: 'ledig' });
    expect(h.runtime.listTasks({ instanceId: id }, actors.enhetschef).map((t) => t.elementId)).toEqual(['visa']);
    const history = (await h.runtime.getHistory(id)).map((e) => e.type).filter((t) => t.startsWith('incident.'));
    expect(history).toEqual(['incident.opened', 'incident.retried', 'incident.resolved']);
  });

  test('when a retry fails again, then it is a conflict with the step’s message, and the incident stays open with nothing changed', async () => {
    // given
    const id = await startWrongApartment();
    const [incident] = h.runtime.getInstance(id).incidents;
    // when
    const retried = h.runtime.retryIncident(id, incident!.id, { lagenhetId: 'ek-7' }, actors.enhetschef);
    // then
    await expect(retried).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('ek-7') });
    expect(h.runtime.getInstance(id).incidents.map((i) => i.id)).toEqual([incident!.id]);
    expect(h.runtime.getInstance(id).variables.lagenhetId).toBe('ek-9');
    await h.runtime.retryIncident(id, incident!.id, { lagenhetId: 'ek-1' }, actors.enhetschef);
    expect(h.runtime.getInstance(id).incidents).toEqual([]);
  });

  test('when a retry names a decision field or someone outside the process retries, then it is refused and nothing changes', async () => {
    // given
    const id = await startWrongApartment();
    const [incident] = h.runtime.getInstance(id).incidents;
    // when
    const decisionField = h.runtime.retryIncident(id, incident!.id, { beslutsdatum: '2027-01-01' }, actors.enhetschef);
    const outsider = h.runtime.retryIncident(id, incident!.id, { lagenhetId: 'ek-1' }, actors.handlaggare);
    // then
    await expect(decisionField).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(outsider).rejects.toMatchObject({ code: 'forbidden' });
    expect(h.runtime.getInstance(id).incidents).toHaveLength(1);
  });

  test('when an interrupting deadline on the stopped step fires, then the token leaves the step and the incident is over', async () => {
    // given: the same step with an interrupting one-week deadline
    const withDeadline = vacancy
      .replace('<bpmn:sequenceFlow id="f4" sourceRef="registrera" targetRef="visa" />', `<bpmn:sequenceFlow id="f4" sourceRef="registrera" targetRef="visa" />
    <bpmn:boundaryEvent id="enVecka" name="En vecka" attachedToRef="registrera"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P7D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f8" sourceRef="enVecka" targetRef="forSent" />
    <bpmn:userTask id="forSent" name="För sent" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f9" sourceRef="forSent" targetRef="slut3" />
    <bpmn:endEvent id="slut3" name="Slut" />`)
      .replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    h = await startHarness({ engineCacheSize, processes: [['ledighet.bpmn', withLayout(withDeadline)]], housing });
    const { id } = await h.runtime.startInstance('ledighet', { variables: { beslutsdatum: '2027-01-10', lagenhetId: 'ek-9' } }, actors.enhetschef);
    const stopped = h.runtime.getInstance(id).incidents.length;
    // when
    await h.runtime.moveClock({ advance: 'P8D' });
    // then
    expect(stopped).toBe(1);
    expect(h.runtime.getInstance(id).incidents).toEqual([]);
    expect(h.runtime.listTasks({ instanceId: id }, actors.enhetschef).map((t) => t.elementId)).toEqual(['forSent']);
  });
});
