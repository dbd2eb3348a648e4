// Diagrams in other modelers' spellings (Operaton, Camunda 8, Camunda 7's ${…} and external tasks) deploy through
// POST /api/processes and run: tasks open for the roles they name, handlers run, conditions choose, timers fire.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { defineHandler } from '../../../src/handlers/handler.js';
import { defaultHandlers } from '../../../src/handlers/index.js';
import { startTestApp, type TestApp } from '../test-app.js';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'processes', 'spellings');
const xmlHeaders = { 'content-type': 'application/xml' };

/** The handler the fixtures name in each spelling; it records what it was given. */
let calls: Record<string, unknown>[] = [];
const registrera = defineHandler({
  name: 'registrera',
  title: 'Registrera (test)',
  input: z.record(z.string(), z.unknown()),
  async run(input) {
    calls.push(input);
    return {};
  },
});

let t: TestApp;

beforeEach(async () => {
  calls = [];
  t = await startTestApp({ overrides: { handlers: [...defaultHandlers, registrera] } });
});

afterEach(async () => {
  await t.close();
});

const fixture = (file: string) => readFile(path.join(fixturesDir, file), 'utf8');

async function deploy(xml: string) {
  return t.call('processagare', { method: 'POST', url: '/api/processes', headers: xmlHeaders, payload: xml });
}

async function startCase(key: string, variables: Record<string, unknown> = {}): Promise<string> {
  const started = await t.call('lss-handlaggare', { method: 'POST', url: `/api/processes/${key}/instances`, payload: { variables } });
  expect(started.statusCode, started.body).toBe(201);
  return started.json().id;
}

async function openTasks(instanceId: string) {
  return (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json();
}

async function complete(taskId: string, variables: Record<string, unknown>): Promise<void> {
  const done = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables } });
  expect(done.statusCode, done.body).toBe(200);
}

async function instance(id: string) {
  return (await t.call('admin', { method: 'GET', url: `/api/instances/${id}` })).json();
}

const messages = (warnings: { message: string }[]) => warnings.map((w) => w.message);

describe('diagrams in other spellings', () => {
  test('when an Operaton diagram with forms, roles, a due date and an external task is uploaded, then it deploys and runs as ours', async () => {
    // given
    const xml = await fixture('operaton-ansokan.bpmn');

    // when
    const deployed = await deploy(xml);
    const id = await startCase('operaton-ansokan', { beslutsdatum: '2027-01-10' });
    const [task] = await openTasks(id);
    await complete(task.id, { svar: 'ja' });

    // then
    expect(deployed.statusCode, deployed.body).toBe(201);
    expect(deployed.json()).toMatchObject({ key: 'operaton-ansokan', version: 1 });
    expect(task).toMatchObject({ elementId: 'bedom', candidateGroups: ['enhetschef'], due: expect.stringContaining('2027-01-29') });
    expect(task.form.map((f: { id: string; type: string }) => [f.id, f.type])).toEqual([['svar', 'enum']]);
    expect(calls).toEqual([{ utfall: 'ja' }]);
    expect((await instance(id)).state).toBe('completed');
  });

  test('when a Camunda 8 diagram names its handler, roles, due date and form the zeebe way, then it deploys under a key and runs', async () => {
    // given
    const xml = await fixture('zeebe-signering.bpmn');

    // when
    const deployed = await deploy(xml);
    const id = await startCase('signering-process');
    const [task] = await openTasks(id);
    await complete(task.id, { signerat: 'ja', kommentar: 'Klart' });

    // then
    expect(deployed.statusCode, deployed.body).toBe(201);
    expect(deployed.json()).toMatchObject({ key: 'signering-process', version: 1 });
    expect(messages(deployed.json().warnings)).toContain('Processens id "signeringProcess" är inte i kebab-case; rutinen får nyckeln signering-process.');
    expect(task).toMatchObject({ elementId: 'signera', candidateGroups: ['enhetschef'], due: expect.stringContaining('2027-01-22') });
    expect(task.form.map((f: { id: string; type: string; required: boolean }) => [f.id, f.type, f.required])).toEqual([
      ['signerat', 'enum', true],
      ['kommentar', 'string', false],
    ]);
    expect(calls).toEqual([{ utfall: 'signerat', kommentar: 'Klart' }]);
    expect((await instance(id)).state).toBe('completed');
  });

  test('when ${…} conditions choose bifall, then the external task by topic runs at once', async () => {
    // given
    expect((await deploy(await fixture('camunda-villkor.bpmn'))).statusCode).toBe(201);
    const id = await startCase('camunda-villkor', { antal: 3, paminnelsedatum: '2027-02-01' });

    // when
    await complete((await openTasks(id))[0].id, { beslut: 'bifall' });

    // then
    expect(calls).toEqual([{ utfall: 'bifall' }]);
    expect((await instance(id)).state).toBe('completed');
  });

  test('when ${…} conditions choose the other flow, then the ${paminnelsedatum} timer waits for its day and fires after a clock move', async () => {
    // given
    expect((await deploy(await fixture('camunda-villkor.bpmn'))).statusCode).toBe(201);
    const id = await startCase('camunda-villkor', { antal: 3, paminnelsedatum: '2027-02-01' });
    await complete((await openTasks(id))[0].id, { beslut: 'avslag' });
    const waiting = await instance(id);

    // when
    const moved = await t.call('admin', { method: 'POST', url: '/api/clock', payload: { advance: 'P1M' } });

    // then
    expect(waiting.active.map((a: { elementId: string }) => a.elementId)).toEqual(['vantaPaPaminnelse']);
    expect(moved.statusCode).toBe(200);
    expect(calls).toEqual([{ utfall: 'avslag' }]);
    expect((await instance(id)).state).toBe('completed');
  });

  test('when a process has a modeler id and no name, then its key is made from the id, the id is its name, a warning says so, and a restart keeps it', async () => {
    // given
    const xml = await fixture('Process_1x2y.bpmn');

    // when
    const deployed = await deploy(xml);
    const detail = (await t.call('processagare', { method: 'GET', url: '/api/processes/process-1x2y' })).json();
    const id = await startCase('process-1x2y');
    await t.restart();
    await complete((await openTasks(id))[0].id, {});

    // then
    expect(deployed.statusCode, deployed.body).toBe(201);
    expect(deployed.json()).toMatchObject({ key: 'process-1x2y', version: 1 });
    expect(detail.name).toBe('Process_1x2y');
    expect(messages(deployed.json().warnings)).toContain('Processen saknar namn; den heter "Process_1x2y" tills den får ett.');
    expect((await instance(id)).state).toBe('completed');
  });
});

describe('other spellings refused', () => {
  test.each([
    ['a condition beyond the grammar', 'camunda-villkor.bpmn', "${beslut == 'bifall' &amp;&amp; antal &gt;= 2}", "${execution.getVariable('beslut') == 'bifall'}", 'bifall', 'Tillåtet'],
    ['a condition with an index', 'camunda-villkor.bpmn', "${beslut == 'bifall' &amp;&amp; antal &gt;= 2}", '${lista[0] == 1}', 'bifall', 'hakparenteser'],
    ['a zeebe type that is no registered handler', 'zeebe-signering.bpmn', 'type="registrera"', 'type="io.camunda:http-json:1"', 'registrera', 'Okänd hanterare "io.camunda:http-json:1". Kända hanterare:'],
    // The first external task is registreraBifall.
    ['a topic that is no registered handler', 'camunda-villkor.bpmn', 'camunda:topic="registrera"', 'camunda:topic="skicka-epost"', 'registreraBifall', 'Okänd hanterare "skicka-epost"'],
    ['a zeebe form field that does not map', 'zeebe-signering.bpmn', '"type":"textfield"', '"type":"filepicker"', 'signera', 'filepicker'],
    [
      'an Operaton script listener',
      'operaton-ansokan.bpmn',
      'operaton:dueDate="P14D">\n      <bpmn:extensionElements>',
      'operaton:dueDate="P14D">\n      <bpmn:extensionElements><operaton:executionListener event="start"><operaton:script scriptFormat="javascript">process.exit(1)</operaton:script></operaton:executionListener>',
      'bedom',
      'Tillägget operaton:executionListener är en lyssnare',
    ],
    ['a zeebe task listener', 'zeebe-signering.bpmn', '<zeebe:userTask />', '<zeebe:userTask /><zeebe:taskListeners><zeebe:taskListener eventType="create" type="registrera" /></zeebe:taskListeners>', 'signera', 'zeebe:taskListeners'],
    ['a zeebe output mapping', 'zeebe-signering.bpmn', '<zeebe:input source="=kommentar" target="kommentar" />', '<zeebe:input source="=kommentar" target="kommentar" /><zeebe:output source="=x" target="y" />', 'registrera', 'zeebe:output'],
    ['a zeebe form kept outside the diagram', 'zeebe-signering.bpmn', 'formKey="camunda-forms:bpmn:signeraForm"', 'formId="signeraForm"', 'signera', 'utanför diagrammet'],
  ])('when %s is uploaded, then 400 names the element and says why', async (_case, file, from, to, elementId, words) => {
    // given
    const original = await fixture(file);
    const changed = original.replace(from, to);
    expect(changed).not.toBe(original);

    // when
    const response = await deploy(changed);

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('invalid_definition');
    expect(response.json().fields).toContainEqual({ field: elementId, message: expect.stringContaining(words) });
  });
});
