import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { withLayout } from '../../helpers/diagram-layout.js';
import { listHandlers } from '../../helpers/list-handler.js';
import { fixturesDir } from '../../helpers/runtime-harness.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, postForm, signIn } from '../page-session.js';

/** The parallel fixture, startable by lss-handlaggare and drawn, so it publishes without advice. */
async function parallelDiagram(): Promise<string> {
  const xml = await readFile(path.join(fixturesDir, 'structure', 'flera-parallellt.bpmn'), 'utf8');
  return withLayout(xml.replace('isExecutable="true">', 'isExecutable="true" camunda:candidateStarterGroups="lss-handlaggare">'));
}

describe('multi-instance tasks on the pages', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a case waits at a task for each child, then the inbox and the case list each child, the case says how many are left, the task page completes one and the case shows its answer under the child', async () => {
    // given
    t = await startTestApp({ processes: [], overrides: { handlers: listHandlers } });
    const deployed = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: { 'content-type': 'application/xml' }, payload: await parallelDiagram() });
    const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/flera-parallellt/instances', payload: { businessKey: 'M-1', variables: { namn: 'Alva, Bror' } } });
    const instanceId: string = started.json().id;
    const tasks = (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json() as { id: string; name: string; item?: unknown }[];
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const inbox = await getPage(t, session, '/');
    const casePage = await getPage(t, session, `/cases/${instanceId}`);
    const taskPage = await getPage(t, session, `/tasks/${tasks[1]!.id}`);
    const done = await postForm(t, session, `/tasks/${tasks[1]!.id}/complete`, { godkand: 'on' });
    // then
    expect(deployed.statusCode).toBe(201);
    expect(tasks.map((task) => task.name)).toEqual(['Granska barnets plats: Alva (1 av 2)', 'Granska barnets plats: Bror (2 av 2)']);
    expect(tasks.map((task) => task.item)).toEqual([{ label: 'Alva', index: 0, count: 2 }, { label: 'Bror', index: 1, count: 2 }]);
    for (const page of [inbox, casePage]) {
      expect(page.body).toContain('Granska barnets plats: Alva (1 av 2)');
      expect(page.body).toContain('Granska barnets plats: Bror (2 av 2)');
    }
    expect(casePage.body).toContain('<dt>Nu</dt><dd>Granska barnets plats (2 av 2 kvar)</dd>');
    expect(taskPage.body).toContain('<h1>Granska barnets plats: Bror (2 av 2)</h1>');
    expect(done.statusCode).toBe(303);
    const left = (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json() as { name: string }[];
    expect(left.map((task) => task.name)).toEqual(['Granska barnets plats: Alva (1 av 2)']);
    const instance = (await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}` })).json();
    expect(instance.variables.granska).toEqual([null, { godkand: true, barn: { namn: 'Bror' } }]);
    const answered = await getPage(t, session, `/cases/${instanceId}`);
    expect(answered.body).toContain('<th scope="row" data-label="Uppgift">Granska barnets plats: Bror – Platsen är godkänd</th><td class="case-value" data-label="Värde">Ja</td>');
    expect(answered.body).not.toContain('&quot;godkand&quot;');
  });
});
