// POST /api/processes with pools and an embedded sub-process: deployed and run, the case page marking the step inside.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn } from '../page-session.js';

const structureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'processes', 'structure');
const structure = (file: string) => readFile(path.join(structureDir, file), 'utf8');
const xml = { 'content-type': 'application/xml' };

/** The sub-process fixture with its service task calling a handler the app has (the engine tests add testOutcome). */
const subProcessDiagram = async () =>
  (await structure('delprocess.bpmn'))
    .replace('${environment.services.testOutcome}', '${environment.services.sendBevakning}')
    .replace('<camunda:property name="utfall" value="=utfall" />', '<camunda:property name="group" value="enhetschef" /><camunda:property name="subject" value="Plats bokad" />');

describe('uploads with pools and sub-processes', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a collaboration has one executable pool and message flows, then 201 and a case starts', async () => {
    // given
    t = await startTestApp();
    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: await structure('pooler.bpmn') });
    const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/pooler/instances', payload: { businessKey: 'P-1', variables: {} } });
    const tasks = await t.call('lss-handlaggare', { method: 'GET', url: `/api/tasks?instanceId=${started.json().id}` });
    // then
    expect(response.statusCode).toBe(201);
    expect(started.statusCode).toBe(201);
    expect(tasks.json().map((task: { elementId: string }) => task.elementId)).toEqual(['granska']);
  });

  test('when another pool is drawn loosely (no start event, a step without flows), then 201 with lint advice on it', async () => {
    // given: the applicant's pool has no start event, and a step with no flows and no name
    t = await startTestApp();
    const diagram = (await structure('pooler.bpmn'))
      .replace('<bpmn:startEvent id="sokandeStart" name="Behov" />', '<bpmn:task id="ensam" />')
      .replace('<bpmn:sequenceFlow id="s1" sourceRef="sokandeStart" targetRef="skicka" />', '')
      .replace('<bpmndi:BPMNEdge id="s1_di" bpmnElement="s1"><di:waypoint x="268" y="130" /><di:waypoint x="330" y="130" /></bpmndi:BPMNEdge>', '')
      .replace('bpmnElement="sokandeStart"', 'bpmnElement="ensam"');
    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: diagram });
    // then
    expect(response.statusCode).toBe(201);
    const warned = response.json<{ warnings: { elementId: string | null; message: string }[] }>().warnings;
    expect(warned).toContainEqual(expect.objectContaining({ elementId: 'sokande', message: expect.stringContaining('start-event-required') }));
    expect(warned).toContainEqual(expect.objectContaining({ elementId: 'ensam', message: expect.stringContaining('no-disconnected') }));
  });

  test('when two pools are executable, then 400 naming both', async () => {
    // given
    t = await startTestApp();
    const diagram = (await structure('pooler.bpmn')).replace('isExecutable="false"', 'isExecutable="true"');
    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: diagram });
    // then
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('fann 2 körbara processer (sokande, pooler)');
  });

  test('when a case stands at a task inside a sub-process, then the case page marks that task as active', async () => {
    // given
    t = await startTestApp();
    const uploaded = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: await subProcessDiagram() });
    const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/delprocess/instances', payload: { businessKey: 'D-1', variables: { utfall: 'ok' } } });
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const page = await getPage(t, session, `/cases/${started.json().id}`);
    const tasks = await t.call('lss-handlaggare', { method: 'GET', url: `/api/tasks?instanceId=${started.json().id}` });
    // then
    expect(uploaded.statusCode).toBe(201);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-active="utred"');
    expect(tasks.json().map((task: { elementId: string }) => task.elementId)).toEqual(['utred']);
  });
});
