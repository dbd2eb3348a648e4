// A diagram can never run code on the server: script and ${…} payloads in every place they can appear are refused at upload.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { defineHandler } from '../../src/handlers/handler.js';
import { defaultHandlers } from '../../src/handlers/index.js';
import { startTestApp, type TestApp } from '../web/test-app.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'processes', 'web', 'web-beslut.bpmn');
const xmlHeaders = { 'content-type': 'application/xml' };
const escapeProcess = "${this.constructor.constructor('return process')()}";
const setMarker = "${this.constructor.constructor('globalThis.bkKodKordes = true')()}";
const callSpy = '${environment.services.spion("angripare", 42)}';
const attr = (value: string) => value.replaceAll('"', '&quot;');

/** A registered handler no element of the diagram names: anything that reaches it got there through an expression. */
let spyCalls: unknown[] = [];
const spion = defineHandler({
  name: 'spion',
  title: 'Spion',
  input: z.unknown(),
  async run(input) {
    spyCalls.push(input);
  },
});

const conditionOn = (body: string, language = '') =>
  (x: string) => x.replace(
    '<bpmn:sequenceFlow id="toLamnaSvar" sourceRef="start" targetRef="lamnaSvar" />',
    `<bpmn:sequenceFlow id="toLamnaSvar" sourceRef="start" targetRef="lamnaSvar"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"${language}>${body}</bpmn:conditionExpression></bpmn:sequenceFlow>`,
  );
const timer = (value: string) => (x: string) => x.replace('>P1M</bpmn:timeDuration>', `>${value}</bpmn:timeDuration>`);
const property = (value: string) => (x: string) => x.replace('value="Beslutet väntar på svar."', `value="${attr(value)}"`);
const implementation = (value: string) => (x: string) => x.replace('implementation="${environment.services.sendBevakning}"', `implementation="${attr(value)}"`);
const userTaskAttribute = (name: string, value: string) => (x: string) =>
  x.replace('camunda:candidateGroups="enhetschef">', `camunda:candidateGroups="enhetschef" camunda:${name}="${attr(value)}">`);
const userTaskExtension = (extension: string) => (x: string) =>
  x.replace('<bpmn:userTask id="lamnaSvar" name="Lämna svar" camunda:candidateGroups="enhetschef">\n      <bpmn:extensionElements>', `$&${extension}`);
const messageName = (value: string) => (x: string) => x.replace('<bpmn:message id="avliden" name="avliden">', `<bpmn:message id="avliden" name="${attr(value)}">`);
const messageExtension = (extension: string) => (x: string) =>
  x.replace('<bpmn:message id="avliden" name="avliden">\n    <bpmn:extensionElements>', `$&${extension}`);
const errorName = (value: string) => (x: string) =>
  x.replace('<bpmn:message id="avliden"', `<bpmn:error id="bokningsfel" name="${attr(value)}" errorCode="FEL" />\n  $&`);

/** [where, payload, the element the answer must name, how the fixture is changed]. */
const refused: [string, string, string, (xml: string) => string][] = [
  ['condition', escapeProcess, 'toLamnaSvar', conditionOn(escapeProcess)],
  ['condition', setMarker, 'toLamnaSvar', conditionOn(setMarker)],
  ['condition', callSpy, 'toLamnaSvar', conditionOn(callSpy)],
  ['condition, language="javascript"', 'process.exit(1)', 'toLamnaSvar', conditionOn('process.exit(1)', ' language="javascript"')],
  ['condition, language="js"', 'next(null, true)', 'toLamnaSvar', conditionOn('next(null, true)', ' language="js"')],
  ['timer value', escapeProcess, 'paminnelse', timer(escapeProcess)],
  ['timer value', callSpy, 'paminnelse', timer(callSpy)],
  ['timer value', 'process.exit(1)', 'paminnelse', timer('process.exit(1)')],
  ['service task property', escapeProcess, 'skickaPaminnelse', property(escapeProcess)],
  ['service task property', callSpy, 'skickaPaminnelse', property(callSpy)],
  ['implementation', '${environment.services.constructor}', 'skickaPaminnelse', implementation('${environment.services.constructor}')],
  ['implementation', '${environment.services.__proto__}', 'skickaPaminnelse', implementation('${environment.services.__proto__}')],
  ['implementation', '${environment.services.spion.constructor.constructor("return process")()}', 'skickaPaminnelse', implementation('${environment.services.spion.constructor.constructor("return process")()}')],
  ['implementation', callSpy, 'skickaPaminnelse', implementation(callSpy)],
  ['camunda:expression', callSpy, 'skickaPaminnelse', (x) => implementation('${environment.services.sendBevakning}" camunda:expression="' + attr(callSpy))(x)],
  ['assignee', escapeProcess, 'lamnaSvar', userTaskAttribute('assignee', escapeProcess)],
  ['assignee', setMarker, 'lamnaSvar', userTaskAttribute('assignee', setMarker)],
  ['dueDate', escapeProcess, 'lamnaSvar', userTaskAttribute('dueDate', escapeProcess)],
  ['dueDate', 'process.exit(1)', 'lamnaSvar', userTaskAttribute('dueDate', 'process.exit(1)')],
  ['message name', callSpy, 'avliden', messageName(callSpy)],
  ['message camunda:executionListener script', 'process.exit(1)', 'avliden', messageExtension('<camunda:executionListener event="start"><camunda:script scriptFormat="javascript">process.exit(1)</camunda:script></camunda:executionListener>')],
  ['error name', escapeProcess, 'bokningsfel', errorName(escapeProcess)],
  [
    'script task',
    'process.exit(1)',
    'skickaPaminnelse',
    (x) => x.replace(/<bpmn:serviceTask id="skickaPaminnelse"[\s\S]*?<\/bpmn:serviceTask>/, '<bpmn:scriptTask id="skickaPaminnelse" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>'),
  ],
  [
    'camunda:executionListener script',
    'process.exit(1)',
    'lamnaSvar',
    userTaskExtension('<camunda:executionListener event="start"><camunda:script scriptFormat="javascript">process.exit(1)</camunda:script></camunda:executionListener>'),
  ],
  ['camunda:executionListener expression', callSpy, 'lamnaSvar', userTaskExtension(`<camunda:executionListener event="start" expression="${attr(callSpy)}" />`)],
  [
    'camunda:taskListener script',
    setMarker,
    'lamnaSvar',
    userTaskExtension(`<camunda:taskListener event="create"><camunda:script scriptFormat="javascript">${setMarker}</camunda:script></camunda:taskListener>`),
  ],
  [
    'camunda:inputOutput script',
    'process.exit(1)',
    'lamnaSvar',
    userTaskExtension('<camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">process.exit(1)</camunda:script></camunda:inputParameter></camunda:inputOutput>'),
  ],
];

let t: TestApp | undefined;
let exitCodeBefore: typeof process.exitCode;

beforeEach(() => {
  spyCalls = [];
  exitCodeBefore = process.exitCode;
});

afterEach(async () => {
  await t?.close();
  t = undefined;
  delete (globalThis as Record<string, unknown>).bkKodKordes;
});

/** Nothing ran: the spy was never called, the process is untouched, no global or prototype was written. */
function expectNothingRan(): void {
  expect(spyCalls).toEqual([]);
  expect(process.exitCode).toBe(exitCodeBefore);
  expect((globalThis as Record<string, unknown>).bkKodKordes).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Valid FEEL that only names things: FEEL reads data-only variables, so it may deploy, but running it must do nothing. */
const namesOnly: [string, (xml: string) => string][] = [
  ['condition =process.exit(1)', conditionOn('=process.exit(1) = null')],
  ['condition constructor.constructor("return process")()', conditionOn('constructor.constructor("return process")() = null')],
  ['assignee =process.exit(1)', userTaskAttribute('assignee', '=process.exit(1)')],
  ['assignee =__proto__.polluted', userTaskAttribute('assignee', '=__proto__.polluted')],
  ['service task property =this.constructor.constructor("return process")()', property('=this.constructor.constructor("return process")()')],
  ['service task property =environment.services.spion("x")', property('=environment.services.spion("x")')],
];

describe('no code in diagrams', () => {
  test.each(namesOnly)('when %s is uploaded and run to the service task, then no code runs', async (_case, change) => {
    // given
    const app = (t = await startTestApp({ overrides: { handlers: [...defaultHandlers, spion] } }));
    const hostile = change(await readFile(fixture, 'utf8'));
    const upload = await app.call('processagare', { method: 'POST', url: '/api/processes', headers: xmlHeaders, payload: hostile });
    expect([201, 400]).toContain(upload.statusCode);

    // when
    if (upload.statusCode === 201) {
      const started = await app.call('lss-handlaggare', {
        method: 'POST',
        url: '/api/processes/web-beslut/instances',
        payload: { businessKey: 'B-1', variables: { beslutsdatum: '2027-01-31' } },
      });
      expect(started.statusCode).toBe(201);
      expect((await app.call('admin', { method: 'POST', url: '/api/clock', payload: { advance: 'P1M1D' } })).statusCode).toBe(200);
    }

    // then
    expectNothingRan();
  });

  describe('refused at upload', () => {
    // A refused upload changes nothing, so one app takes them all (a fresh app for each cost two seconds apiece).
    let shared: TestApp;
    beforeAll(async () => {
      shared = await startTestApp({ overrides: { handlers: [...defaultHandlers, spion] } });
    });
    afterAll(() => shared.close());

    test.each(refused)('when %s holds %s, then the upload is refused naming the element and nothing is deployed', async (_where, _payload, elementId, change) => {
      // given
      const t = shared;
      const original = await readFile(fixture, 'utf8');
      const hostile = change(original);
      expect(hostile).not.toBe(original);

      // when
      const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xmlHeaders, payload: hostile });

      // then
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid_definition', message: expect.any(String) });
      expect(response.json().fields).toContainEqual({ field: elementId, message: expect.any(String) });
      const detail = await t.call('processagare', { method: 'GET', url: '/api/processes/web-beslut' });
      expect(detail.json().versions.map((v: { version: number }) => v.version)).toEqual([1]);
      expectNothingRan();
    });
  });
});
