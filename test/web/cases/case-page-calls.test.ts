import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { fixturesDir } from '../../helpers/runtime-harness.js';
import { getPage, signIn } from '../page-session.js';
import { startTestApp, type TestApp } from '../test-app.js';

describe('case page of a call activity', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a case started another through a call activity, then each page links to the other and the history says it', async () => {
    // given: the caller and the routine it calls are published
    t = await startTestApp();
    for (const file of ['anrop-huvud.bpmn', 'anrop-barn.bpmn']) await copyFile(path.join(fixturesDir, 'structure', file), path.join(t.processesDir, file));
    await t.restart();
    const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/anrop-huvud/instances', payload: { businessKey: 'ÄR-9', variables: { brukare: 'Brukare-9', niva: 'hog' } } });
    const callerId: string = started.json().id;
    const list = await t.call('lss-handlaggare', { method: 'GET', url: '/api/instances?processKey=anrop-barn' });
    const childId: string = list.json()[0].id;
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const caller = await getPage(t, session, `/cases/${callerId}`);
    const child = await getPage(t, session, `/cases/${childId}`);
    // then
    expect(started.statusCode).toBe(201);
    expect(list.json()).toHaveLength(1);
    expect(caller.body).toContain(`<dt>Startade ärenden</dt><dd><a href="/cases/${childId}">Barnärende</a> från steget ”Utred i ett eget ärende” (Pågår)</dd>`);
    expect(caller.body).toContain('data-active="utredIBarn"');
    expect(caller.body).toContain('”Utred i ett eget ärende” startade ett eget ärende (anrop-barn) och väntar på att det blir klart');
    expect(child.body).toContain(`<dt>Startat från</dt><dd><a href="/cases/${callerId}">Huvudärende som anropar ett barnärende</a>, steget ”Utred i ett eget ärende”</dd>`);
    expect(child.body).not.toContain('Startade ärenden');
  });

  test('when a case started another, then GET /api/instances/:id names the child on the caller and the caller on the child', async () => {
    // given
    t = await startTestApp();
    for (const file of ['anrop-huvud.bpmn', 'anrop-barn.bpmn']) await copyFile(path.join(fixturesDir, 'structure', file), path.join(t.processesDir, file));
    await t.restart();
    const callerId: string = (await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/anrop-huvud/instances', payload: { variables: { brukare: 'Brukare-8', niva: 'lag' } } })).json().id;
    const childId: string = (await t.call('lss-handlaggare', { method: 'GET', url: '/api/instances?processKey=anrop-barn' })).json()[0].id;
    // when
    const caller = (await t.call('lss-handlaggare', { method: 'GET', url: `/api/instances/${callerId}` })).json();
    const child = (await t.call('lss-handlaggare', { method: 'GET', url: `/api/instances/${childId}` })).json();
    // then
    expect(caller).toMatchObject({ calledBy: null, children: [{ instanceId: childId, processName: 'Barnärende', stepName: 'Utred i ett eget ärende', state: 'running' }] });
    expect(child).toMatchObject({ calledBy: { instanceId: callerId, processName: 'Huvudärende som anropar ett barnärende', stepName: 'Utred i ett eget ärende' }, children: [] });
  });
});
