import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { actors, fixturesDir, startHarness, type Harness } from '../../helpers/runtime-harness.js';
import { withLayout } from '../../helpers/diagram-layout.js';

const processes = ['structure/anrop-huvud.bpmn', 'structure/anrop-barn.bpmn'];
const types = async (h: Harness, id: string) => (await h.runtime.getHistory(id)).map((e) => e.type);
const children = (h: Harness, parentId: string) => h.runtime.listInstances({ processKey: 'anrop-barn' }).filter((c) => h.runtime.caseCalls(c.id).calledBy?.instanceId === parentId);

describe.each([100, 0])('call activities (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());
  const start = async (variables: Record<string, unknown> = { brukare: 'Brukare-1', niva: 'hog' }) => {
    h = await startHarness({ engineCacheSize, processes, start: '2027-01-15T08:00:00Z' });
    return (await h.runtime.startInstance('anrop-huvud', { businessKey: 'ÄR-1', variables }, actors.handlaggare)).id;
  };

  test('when a case reaches a call activity, then one child case of the called routine starts with its variables and case number, and the caller waits there', async () => {
    // given
    const id = await start();
    // when
    const [child] = children(h, id);
    // then
    expect(children(h, id)).toHaveLength(1);
    expect(child).toEqual(expect.objectContaining({ processKey: 'anrop-barn', businessKey: 'ÄR-1', state: 'running' }));
    expect(h.runtime.getInstance(child!.id).variables).toEqual(expect.objectContaining({ brukare: 'Brukare-1', niva: 'hog' }));
    expect(h.runtime.getInstance(id).active).toEqual([{ elementId: 'utredIBarn', name: 'Utred i ett eget ärende' }]);
    expect(h.runtime.caseCalls(id).children).toEqual([{ instanceId: child!.id, processName: 'Barnärende', stepName: 'Utred i ett eget ärende', state: 'running' }]);
    expect(h.runtime.caseCalls(child!.id).calledBy).toEqual({ instanceId: id, processName: 'Huvudärende som anropar ett barnärende', stepName: 'Utred i ett eget ärende' });
    expect(await types(h, id)).toContain('call.started');
  });

  test('when the child case ends after a restart, then the caller goes on past the call activity with the child\'s variables', async () => {
    // given
    const id = await start();
    const [child] = children(h, id);
    await h.restart();
    const [task] = h.runtime.listTasks({ instanceId: child!.id }, actors.handlaggare);
    // when
    await h.runtime.completeTask(task!.id, { resultat: 'Behovet utrett' }, actors.handlaggare);
    // then
    expect(h.runtime.getInstance(child!.id).state).toBe('completed');
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['efterArbete']);
    expect(h.runtime.getInstance(id).variables.resultat).toBe('Behovet utrett');
    expect(h.runtime.caseCalls(id).children.map((c) => c.state)).toEqual(['completed']);
    expect(await types(h, id)).toEqual(expect.arrayContaining(['call.started', 'call.completed', 'activity.left']));
    expect(children(h, id)).toHaveLength(1);
  });

  test.each([
    ['before the child case was made', true],
    ['after the child case was made, before the caller knew', false],
  ])('when the server stopped %s, then the next start has that one child case, once', async (_when, childLost) => {
    // given: the files as a crash at that point leaves them
    const id = await start();
    const [child] = children(h, id);
    await h.restart(async () => {
      const instances = path.join(h.dataDir, 'instances');
      if (childLost) {
        for (const f of [`${child!.id}.json`, `${child!.id}.summary.json`]) await rm(path.join(instances, f));
        await rm(path.join(h.dataDir, 'history', `${child!.id}.jsonl`));
      }
      for (const f of [`${id}.json`, `${id}.summary.json`]) {
        const stored = JSON.parse(await readFile(path.join(instances, f), 'utf8'));
        const summary = stored.summary ?? stored;
        summary.calls = summary.calls.map((r: object) => ({ ...r, state: 'starting' }));
        await writeFile(path.join(instances, f), JSON.stringify(stored));
      }
    });
    // when
    await h.restart();
    // then
    expect(children(h, id).map((c) => c.id)).toEqual([child!.id]);
    expect(h.runtime.listTasks({ instanceId: child!.id }, actors.handlaggare)).toHaveLength(1);
    const [task] = h.runtime.listTasks({ instanceId: child!.id }, actors.handlaggare);
    await h.runtime.completeTask(task!.id, { resultat: 'Klart' }, actors.handlaggare);
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['efterArbete']);
  });

  test('when the interrupting timer on the call activity fires, then the child case is ended and its history says why', async () => {
    // given
    const id = await start();
    const [child] = children(h, id);
    await h.restart();
    // when
    await h.runtime.moveClock({ to: '2027-02-15T08:00:00Z' });
    // then
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['paminn']);
    expect(h.runtime.getInstance(child!.id).state).toBe('cancelled');
    expect(h.runtime.listTasks({ instanceId: child!.id }, actors.handlaggare)).toEqual([]);
    const cancelled = (await h.runtime.getHistory(child!.id)).find((e) => e.type === 'instance.cancelled');
    expect(cancelled?.data).toEqual(expect.objectContaining({ reason: 'Det anropande ärendet lämnade steget "Utred i ett eget ärende" innan det här ärendet var klart.' }));
    expect(await types(h, id)).toContain('call.cancelled');
    expect(h.runtime.getInstance(id).incidents).toEqual([]);
  });

  test('when the child\'s start form misses a required value, then the caller waits at an incident and a retry with the value starts the child', async () => {
    // given
    const id = await start({ brukare: 'Brukare-3' });
    const [incident] = h.runtime.getInstance(id).incidents;
    // when
    await h.restart();
    await h.runtime.retryIncident(id, incident!.id, { niva: 'lag' }, actors.admin);
    // then
    expect(incident).toEqual(expect.objectContaining({ elementId: 'utredIBarn' }));
    expect(incident!.message).toContain('Nivå');
    const [child] = children(h, id);
    expect(h.runtime.getInstance(child!.id).variables.niva).toBe('lag');
    expect(h.runtime.getInstance(id).incidents).toEqual([]);
  });

  /** The child routine with its task's outgoing path replaced by `path` (elements and flows from "utred"), drawn anew. */
  const childWith = async (path_: string, keepTask: boolean) => {
    let xml = (await readFile(path.join(fixturesDir, 'structure', 'anrop-barn.bpmn'), 'utf8')).replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    if (!keepTask) xml = xml.replace(/<bpmn:userTask id="utred"[\s\S]*?<\/bpmn:userTask>/, '');
    xml = xml.replace('<bpmn:sequenceFlow id="b2" sourceRef="utred" targetRef="barnKlart" />', '').replace('<bpmn:endEvent id="barnKlart" name="Utrett" />', path_);
    return withLayout(xml);
  };

  test('when the child case cannot even be started (its routine stops before any wait), then the caller waits at an incident naming why', async () => {
    // given: a child routine that goes round two gateways for ever
    const looping = await childWith('<bpmn:exclusiveGateway id="utred" name="Runt" /><bpmn:sequenceFlow id="runt" sourceRef="utred" targetRef="runtIgen" /><bpmn:exclusiveGateway id="runtIgen" name="Runt igen" /><bpmn:sequenceFlow id="tillbaka" sourceRef="runtIgen" targetRef="utred" />', false);
    h = await startHarness({ engineCacheSize, processes: ['structure/anrop-huvud.bpmn', ['anrop-barn.bpmn', looping]] });
    // when
    const { id } = await h.runtime.startInstance('anrop-huvud', { variables: { brukare: 'Brukare-4', niva: 'hog' } }, actors.handlaggare);
    await h.restart();
    // then
    expect(children(h, id)).toEqual([]);
    expect(h.runtime.getInstance(id).incidents).toEqual([expect.objectContaining({ elementId: 'utredIBarn', message: expect.stringMatching(/^Ärendet Barnärende kunde inte startas: .+ Välj Försök igen när rutinen är rättad\.$/) })]);
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['utredIBarn']);
  });

  const errorEnd = '<bpmn:sequenceFlow id="b2" sourceRef="utred" targetRef="fel" /><bpmn:endEvent id="fel" name="Ingen plats hittad"><bpmn:errorEventDefinition errorRef="ingenPlats" /></bpmn:endEvent>';
  const declareError = (xml: string, processId: string) => xml.replace(`<bpmn:process id="${processId}"`, `<bpmn:error id="ingenPlats" name="Ingen plats" errorCode="INGEN_PLATS" />\n  <bpmn:process id="${processId}"`);
  /** Runs the caller to the child's error end: starts it, and the child's task is done. */
  const childEndsInError = async (callerXml: [string, string] | string) => {
    h = await startHarness({ engineCacheSize, processes: [callerXml, ['anrop-barn.bpmn', declareError(await childWith(errorEnd, true), 'anropBarn')]] });
    const { id } = await h.runtime.startInstance('anrop-huvud', { variables: { brukare: 'Brukare-5', niva: 'hog' } }, actors.handlaggare);
    const [first] = children(h, id);
    const [task] = h.runtime.listTasks({ instanceId: first!.id }, actors.handlaggare);
    await h.runtime.completeTask(task!.id, { resultat: 'Ingen plats' }, actors.handlaggare);
    return { id, first: first! };
  };

  test('when the child case ends at an error end event that the call activity does not catch, then the caller waits at an incident and a retry starts a new child', async () => {
    // given
    const { id, first } = await childEndsInError('structure/anrop-huvud.bpmn');
    const [incident] = h.runtime.getInstance(id).incidents;
    // when
    await h.restart();
    await h.runtime.retryIncident(id, incident!.id, {}, actors.admin);
    // then
    expect(incident).toEqual(expect.objectContaining({ elementId: 'utredIBarn', message: 'Det anropade ärendet (Barnärende) slutade vid "Ingen plats hittad" (INGEN_PLATS; diagrammet fångar inte felet). Försök igen startar ett nytt ärende.' }));
    expect(h.runtime.getInstance(first.id).state).toBe('completed');
    expect(children(h, id)).toHaveLength(2);
    expect(h.runtime.getInstance(id).incidents).toEqual([]);
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['utredIBarn']);
  });

  test('when a child that took over the decision ends at an error and a retry starts another, then the new child carries the decision with what happened in the first, and the register lists it once', async () => {
    // given: a caller that carries an LSS decision and hands it on before the call; the child ends at an error end
    const caller = withLayout((await readFile(path.join(fixturesDir, 'structure', 'anrop-huvud.bpmn'), 'utf8'))
      .replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '')
      .replace('camunda:candidateStarterGroups="lss-handlaggare">', 'camunda:candidateStarterGroups="lss-handlaggare"><bpmn:extensionElements><camunda:properties><camunda:property name="lag" value="LSS" /></camunda:properties></bpmn:extensionElements>')
      .replace('<camunda:formField id="niva"', '<camunda:formField id="beslutsdatum" label="Beslutsdatum" type="date" /><camunda:formField id="niva"')
      .replace('<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="utredIBarn" />', '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="overlamna" /><bpmn:serviceTask id="overlamna" name="Registrera överlämning" implementation="${environment.services.recordCaseEvent}"><bpmn:extensionElements><camunda:properties><camunda:property name="event" value="overlamnad" /></camunda:properties></bpmn:extensionElements></bpmn:serviceTask><bpmn:sequenceFlow id="f0" sourceRef="overlamna" targetRef="utredIBarn" />'));
    h = await startHarness({ engineCacheSize, processes: [['anrop-huvud.bpmn', caller], ['anrop-barn.bpmn', declareError(await childWith(errorEnd, true), 'anropBarn')]], start: '2027-01-15T08:00:00Z' });
    const { id } = await h.runtime.startInstance('anrop-huvud', { variables: { brukare: 'Brukare-6', niva: 'hog', beslutsdatum: '2027-01-10' } }, actors.handlaggare);
    const [first] = children(h, id);
    const decisionId = h.runtime.decisionOfCase(first!.id)!.id;
    await h.runtime.recordDecisionEvent(decisionId, { type: 'drojsmal', date: '2027-01-15', reason: 'Ingen plats ännu.' }, actors.admin);
    const [task] = h.runtime.listTasks({ instanceId: first!.id }, actors.handlaggare);
    await h.runtime.completeTask(task!.id, { resultat: 'Ingen plats' }, actors.handlaggare);
    const [incident] = h.runtime.getInstance(id).incidents;
    // when
    await h.runtime.retryIncident(id, incident!.id, {}, actors.admin);
    await h.restart();
    // then
    const second = children(h, id).find((c) => c.id !== first!.id)!;
    expect(h.runtime.decisionOfCase(second.id)).toEqual(expect.objectContaining({ id: decisionId, instanceId: second.id, events: [expect.objectContaining({ type: 'drojsmal', reason: 'Ingen plats ännu.' })] }));
    expect(h.runtime.listDecisions({}).filter((d) => d.id === decisionId).map((d) => d.instanceId)).toEqual([second.id]);
    expect(h.runtime.getDecision(decisionId).instanceId).toBe(second.id);
    expect(await types(h, first!.id)).toContain('case.overlamnad');
  });

  test('when the child case ends at an error end event that an error boundary event on the call activity catches, then the caller takes that path', async () => {
    // given: the caller catches "Ingen plats" on the call activity and goes to its reminder
    const caller = (await readFile(path.join(fixturesDir, 'structure', 'anrop-huvud.bpmn'), 'utf8'))
      .replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '')
      .replace('<bpmn:sequenceFlow id="f4" sourceRef="fristUte" targetRef="paminn" />', '<bpmn:sequenceFlow id="f4" sourceRef="fristUte" targetRef="paminn" /><bpmn:boundaryEvent id="ingenPlatsFel" name="Ingen plats" attachedToRef="utredIBarn"><bpmn:errorEventDefinition errorRef="ingenPlats" /></bpmn:boundaryEvent><bpmn:sequenceFlow id="f6" sourceRef="ingenPlatsFel" targetRef="paminn" />');
    // when
    const { id } = await childEndsInError(['anrop-huvud.bpmn', withLayout(declareError(caller, 'anrop-huvud'))]);
    // then
    expect(h.runtime.getInstance(id).incidents).toEqual([]);
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['paminn']);
    expect((await h.runtime.getHistory(id)).find((e) => e.type === 'call.error')?.data).toEqual(expect.objectContaining({ code: 'INGEN_PLATS' }));
  });

  test('when the store fails as the end of the child is reported, then the caller is not left waiting: the report is done again soon and the caller goes on', async () => {
    // given: the store refuses the caller's next save once (a full disk, a database away)
    const failOnce = new Set<string>();
    h = await startHarness({
      engineCacheSize,
      processes,
      wrapStore: (store) => ({
        ...store,
        open: () => store.open(),
        close: () => store.close(),
        instances: {
          ...store.instances,
          listSummaries: () => store.instances.listSummaries(),
          load: (id) => store.instances.load(id),
          history: (id) => store.instances.history(id),
          save: async (doc, expectedRev) => {
            if (failOnce.delete(doc.summary.id)) throw new Error('Disken är full');
            return store.instances.save(doc, expectedRev);
          },
        },
      }),
    });
    const { id } = await h.runtime.startInstance('anrop-huvud', { variables: { brukare: 'Brukare-7', niva: 'hog' } }, actors.handlaggare);
    const [child] = children(h, id);
    const [task] = h.runtime.listTasks({ instanceId: child!.id }, actors.handlaggare);
    failOnce.add(id);
    // when
    await h.runtime.completeTask(task!.id, { resultat: 'Utrett' }, actors.handlaggare);
    const right = h.runtime.getInstance(id).active.map((a) => a.elementId);
    // then
    expect(h.runtime.getInstance(child!.id).state).toBe('completed');
    expect(right).toEqual(['utredIBarn']);
    await expect.poll(() => h.runtime.getInstance(id).active.map((a) => a.elementId), { timeout: 10_000 }).toEqual(['efterArbete']);
    expect(h.runtime.getInstance(id).variables.resultat).toBe('Utrett');
  });

  test('when the call activity sits inside an embedded sub-process, then the caller waits inside it and goes on past the sub-process when the child ends', async () => {
    // given: "Utred i ett eget ärende" inside the sub-process "Utredning"
    const nested = (await readFile(path.join(fixturesDir, 'structure', 'anrop-huvud.bpmn'), 'utf8'))
      .replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '')
      .replace('<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="utredIBarn" />', '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="utredning" />')
      .replace('<bpmn:callActivity id="utredIBarn" name="Utred i ett eget ärende" calledElement="anropBarn" />', '<bpmn:subProcess id="utredning" name="Utredning"><bpmn:startEvent id="inStart" name="Utredningen börjar" /><bpmn:sequenceFlow id="i1" sourceRef="inStart" targetRef="utredIBarn" /><bpmn:callActivity id="utredIBarn" name="Utred i ett eget ärende" calledElement="anropBarn" /><bpmn:sequenceFlow id="i2" sourceRef="utredIBarn" targetRef="inSlut" /><bpmn:endEvent id="inSlut" name="Utredd" /></bpmn:subProcess>')
      .replace('attachedToRef="utredIBarn"', 'attachedToRef="utredning"')
      .replace('<bpmn:sequenceFlow id="f2" sourceRef="utredIBarn" targetRef="efterArbete" />', '<bpmn:sequenceFlow id="f2" sourceRef="utredning" targetRef="efterArbete" />');
    h = await startHarness({ engineCacheSize, processes: [['anrop-huvud.bpmn', withLayout(nested)], 'structure/anrop-barn.bpmn'] });
    const { id } = await h.runtime.startInstance('anrop-huvud', { variables: { brukare: 'Brukare-6', niva: 'lag' } }, actors.handlaggare);
    const [child] = children(h, id);
    const waitingAt = h.runtime.getInstance(id).active.map((a) => a.elementId);
    // when
    await h.restart();
    const [task] = h.runtime.listTasks({ instanceId: child!.id }, actors.handlaggare);
    await h.runtime.completeTask(task!.id, { resultat: 'Utrett inuti' }, actors.handlaggare);
    // then
    expect(waitingAt).toEqual(['utredIBarn']);
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['efterArbete']);
    expect(h.runtime.getInstance(id).variables.resultat).toBe('Utrett inuti');
  });
});
