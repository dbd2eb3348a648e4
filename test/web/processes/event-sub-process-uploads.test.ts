// POST /api/processes with event sub-processes: deployed, a message reaches a message start, the case page marks the step inside.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn } from '../page-session.js';

const structureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'processes', 'structure');
const xml = { 'content-type': 'application/xml' };

describe('uploads with event sub-processes', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a message reaches the non-interrupting message start, then the case page marks the task inside beside the main one and draws the diagram as uploaded', async () => {
    // given
    t = await startTestApp();
    const diagram = await readFile(path.join(structureDir, 'handelse-bredvid.bpmn'), 'utf8');
    const uploaded = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: diagram });
    const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/handelse-bredvid/instances', payload: { businessKey: 'H-1', variables: {} } });
    const id = started.json<{ id: string }>().id;
    // when
    const delivered = await t.call('lss-handlaggare', { method: 'POST', url: `/api/instances/${id}/messages/kompletteringInkommen`, payload: { variables: {} } });
    const session = await signIn(t, 'lss-handlaggare');
    const page = await getPage(t, session, `/cases/${id}`);
    const drawn = await getPage(t, session, `/cases/${id}/diagram.bpmn`);
    const tasks = await t.call('lss-handlaggare', { method: 'GET', url: `/api/tasks?instanceId=${id}` });
    // then
    expect(uploaded.statusCode).toBe(201);
    expect(delivered.statusCode).toBeLessThan(300);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/data-active="(utred granska|granska utred)"/);
    expect(page.body).not.toContain('__eventScope');
    expect(drawn.body).toContain('triggeredByEvent="true"');
    expect(tasks.json().map((task: { elementId: string }) => task.elementId).sort()).toEqual(['granska', 'utred']);
  });
});
