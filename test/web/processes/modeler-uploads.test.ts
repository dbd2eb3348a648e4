// POST /api/processes with diagrams from other modelers: style findings as warnings in the 201 body, a drawing made
// for a diagram without one (and the version page draws it), and the organisation's .bpmnlintrc.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn, type SignedIn } from '../page-session.js';

const modelersDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'processes', 'modelers');
const modelers = (file: string) => readFile(path.join(modelersDir, file), 'utf8');
const xml = { 'content-type': 'application/xml' };

/** The upload page's form post of one BPMN file. */
function publishPage(t: TestApp, session: SignedIn, diagram: string) {
  const boundary = '----bk-modeler-boundary';
  const part = (headers: string, content: string) => `--${boundary}\r\n${headers}\r\n\r\n${content}\r\n`;
  const body = part('Content-Disposition: form-data; name="_csrf"', session.csrf) + part('Content-Disposition: form-data; name="diagram"; filename="d.bpmn"\r\nContent-Type: application/xml', diagram) + `--${boundary}--\r\n`;
  return t.app.inject({ method: 'POST', url: '/processes/publish', headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

describe('uploads from other modelers', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a Camunda Modeler diagram has unnamed events and a joining, forking gateway, then 201 with warnings naming them', async () => {
    // given
    t = await startTestApp();
    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: await modelers('camunda-modeler-stil.bpmn') });
    // then
    expect(response.statusCode).toBe(201);
    const body = response.json<{ key: string; version: number; warnings: { elementId: string | null; message: string }[] }>();
    expect(body).toMatchObject({ key: 'camunda-modeler-stil', version: 1 });
    expect(body.warnings.map((w) => w.elementId)).toEqual(expect.arrayContaining(['StartEvent_1', 'Event_0h3n5zs', 'Gateway_0d9f1c2']));
  });

  test('when a diagram has no drawing, then 201 with the warning, and its version page and stored XML carry a drawing', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'revisor');
    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: await modelers('utan-ritning.bpmn') });
    const page = await getPage(t, session, '/processes/utan-ritning');
    const stored = await t.call('revisor', { method: 'GET', url: '/api/processes/utan-ritning/versions/1/bpmn' });
    // then
    expect(response.statusCode).toBe(201);
    expect(response.json().warnings).toEqual([{ elementId: null, message: 'Diagrammet saknade ritning; en ritning har skapats automatiskt.' }]);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/processes/utan-ritning/versions/1.bpmn');
    expect(stored.body).toMatch(/<bpmndi:BPMNPlane [^>]*bpmnElement="utan-ritning"/);
    expect(stored.body).toContain('bpmnElement="bedom"');
  });

  test('when .bpmnlintrc makes label-required an error, then the unnamed events refuse the upload with 400 naming them', async () => {
    // given
    t = await startTestApp();
    await writeFile(path.join(t.processesDir, '.bpmnlintrc'), JSON.stringify({ extends: 'bpmnlint:recommended', rules: { 'label-required': 'error' } }));
    await t.restart();
    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: await modelers('camunda-modeler-stil.bpmn') });
    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual(expect.arrayContaining([{ field: 'StartEvent_1', message: 'Elementet saknar namn. (label-required)' }]));
    expect((await t.call('processagare', { method: 'GET', url: '/api/processes/camunda-modeler-stil' })).statusCode).toBe(404);
  });

  test('when the upload page publishes a diagram with warnings, then it says which version was published and lists them', async () => {
    // given
    t = await startTestApp();
    const owner = await signIn(t, 'processagare');
    // when
    const page = await publishPage(t, owner, await modelers('camunda-modeler-stil.bpmn'));
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Version 1 av <a href="/processes/camunda-modeler-stil">camunda-modeler-stil</a> är publicerad.');
    expect(page.body).toContain('<strong>StartEvent_1</strong>: Elementet saknar namn. (label-required)');
  });
});
