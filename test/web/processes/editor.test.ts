// HTTP tests of the editor's JSON: the catalogue it offers, timer words, checks of a draft and publishing a routine.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { getPage, signIn } from '../page-session.js';
import { startTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t?.close();
});

const xml = { 'content-type': 'application/xml' };
const webBeslut = () => readFile('test/fixtures/processes/web/web-beslut.bpmn', 'utf8');

describe('GET /api/editor/catalogue', () => {
  test('when the editor opens, then it gets the work roles, the form types, the timer kinds and a template per registered handler', async () => {
    // when
    const catalogue = (await t.call('processagare', { method: 'GET', url: '/api/editor/catalogue' })).json();
    // then
    expect(catalogue.roles).toContainEqual({ id: 'lss-handlaggare', name: 'LSS-handläggare' });
    expect(catalogue.roles.map((r: { id: string }) => r.id)).not.toContain('admin');
    expect(catalogue.formFieldTypes.map((f: { id: string }) => f.id)).toEqual(['string', 'text', 'long', 'boolean', 'date', 'enum', 'apartment', 'queueEntry', 'user', 'unit', 'offer', 'personnummer']);
    expect(catalogue.timerKinds).toEqual([
      { id: 'timeDuration', name: 'Varaktighet (efter att flödet når timern)' },
      { id: 'timeDate', name: 'Datum' },
      { id: 'timeCycle', name: 'Upprepning' },
    ]);
    const bevakning = catalogue.templates.find((template: { name: string }) => template.name === 'Skicka bevakning');
    expect(bevakning).toMatchObject({
      id: 'boendekoordination.sendBevakning',
      appliesTo: ['bpmn:ServiceTask', 'bpmn:SendTask'],
      properties: [
        { type: 'Hidden', value: '${environment.services.sendBevakning}', binding: { type: 'property', name: 'implementation' } },
        { label: 'Mottagande roll', binding: { type: 'camunda:property', name: 'group' }, constraints: { notEmpty: true }, choices: expect.arrayContaining([{ name: 'enhetschef', value: 'enhetschef' }]) },
        { label: 'Rubrik', binding: { type: 'camunda:property', name: 'subject' }, constraints: { notEmpty: true } },
        { label: 'Meddelande', binding: { type: 'camunda:property', name: 'body' } },
        { label: 'Enhet som får den (en utförare eller ett boende; tomt: hela rollen)', binding: { type: 'camunda:property', name: 'unit' } },
      ],
    });
    expect(bevakning.properties[3].constraints).toBeUndefined();
  });
});

describe('GET /api/editor/timer-words', () => {
  test('when a timer value is typed, then its meaning comes back in words, or why it cannot be used', async () => {
    // when
    const words = await t.call('processagare', { method: 'GET', url: `/api/editor/timer-words?kind=timeDuration&value=${encodeURIComponent('P14D')}` });
    const wrong = await t.call('processagare', { method: 'GET', url: `/api/editor/timer-words?kind=timeDuration&value=${encodeURIComponent('två veckor')}` });
    const badKind = await t.call('processagare', { method: 'GET', url: '/api/editor/timer-words?kind=script&value=P1D' });
    // then
    expect(words.json()).toEqual({ ok: true, text: '14 dagar efter att flödet når timern' });
    expect(wrong.json()).toEqual({ ok: false, message: expect.stringContaining('ISO 8601') });
    expect(badKind.statusCode).toBe(400);
  });
});

describe('POST /api/editor/check', () => {
  test('when the draft has a problem, then it is named by element and nothing is published', async () => {
    // given
    const draft = (await webBeslut()).replace('camunda:candidateGroups="enhetschef"', 'camunda:candidateGroups="okand-roll"');
    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/editor/check?key=web-beslut', headers: xml, payload: draft });
    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ key: 'web-beslut', problems: [{ elementId: 'lamnaSvar', message: 'Okänd roll "okand-roll" i camunda:candidateGroups. Välj bland rollerna i redigeraren; ett roll-id skrivs som enhetschef eller lss-handlaggare.' }], warnings: [] });
    expect((await t.call('admin', { method: 'GET', url: '/api/processes/web-beslut' })).json().version).toBe(1);
  });

  test('when the body is not XML or is empty, then 415 or 400 with a message', async () => {
    // when
    const json = await t.call('processagare', { method: 'POST', url: '/api/editor/check?key=web-beslut', payload: { xml: '<x/>' } });
    const empty = await t.call('processagare', { method: 'POST', url: '/api/editor/check?key=web-beslut', headers: xml, payload: ' ' });
    const noKey = await t.call('processagare', { method: 'POST', url: '/api/editor/check', headers: xml, payload: await webBeslut() });
    // then
    expect(json.statusCode).toBe(415);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('Inget diagram skickades.');
    expect(noKey.statusCode).toBe(400);
  });
});

describe('POST /api/editor/publish', () => {
  test('when a changed draft is published, then it is the next version in the publisher\'s name', async () => {
    // given
    const draft = (await webBeslut()).replace('name="Lämna svar"', 'name="Lämna svar på erbjudandet"');
    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/editor/publish?key=web-beslut&base=1', headers: xml, payload: draft });
    // then
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ key: 'web-beslut', version: 2, warnings: [] });
    expect((await t.call('admin', { method: 'GET', url: '/api/processes/web-beslut' })).json().versions[1]).toMatchObject({ version: 2, deployedBy: 'processagare' });
  });

  test('when the draft would change the process id, then 400 naming it and no new routine appears', async () => {
    // given
    const draft = (await webBeslut()).replaceAll('web-beslut', 'web-kopia');
    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/editor/publish?key=web-beslut&base=1', headers: xml, payload: draft });
    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_definition', fields: [{ field: 'web-kopia', message: expect.stringContaining('måste vara web-beslut') }] });
    expect((await t.call('admin', { method: 'GET', url: '/api/processes' })).json().map((p: { key: string }) => p.key)).not.toContain('web-kopia');
  });
});

describe('publishing on top of a newer version', () => {
  test('when someone published after the editor opened, then 409 saying who, and nothing is published', async () => {
    // given: two owners opened version 1; the admin publishes first
    const first = (await webBeslut()).replace('name="Lämna svar"', 'name="Lämna svar nu"');
    await t.call('admin', { method: 'POST', url: '/api/editor/publish?key=web-beslut&base=1', headers: xml, payload: first });
    const second = (await webBeslut()).replace('name="Lämna svar"', 'name="Lämna svar senare"');
    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/editor/publish?key=web-beslut&base=1', headers: xml, payload: second });
    // then
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toContain('admin publicerade version 2 efter att du öppnade version 1');
    expect((await t.call('admin', { method: 'GET', url: '/api/processes/web-beslut' })).json().version).toBe(2);
  });
});

describe('GET /processes/:key/edit', () => {
  test('when a process owner opens the editor, then the page loads bpmn-js Modeler from our own origin', async () => {
    // when
    const owner = await signIn(t, 'processagare');
    const page = await getPage(t, owner, '/processes/web-beslut/edit');
    const missing = await getPage(t, owner, '/processes/finns-inte/edit');
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-key="web-beslut"');
    expect(page.body).toContain('data-source-url="/processes/web-beslut/versions/1.bpmn"');
    expect(page.body).toContain('<script src="/assets/bpmn-js/bpmn-modeler.production.min.js" defer></script>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(missing.statusCode).toBe(404);
  });

  test('when the editor page loads its scripts, then every one it names is served, and all come before editor.js, which starts the panel', async () => {
    // given
    const owner = await signIn(t, 'processagare');
    const page = await getPage(t, owner, '/processes/web-beslut/edit');
    // when
    const scripts = [...page.body.matchAll(/<script src="([^"]+)" defer><\/script>/g)].map((m) => m[1]!).filter((src) => src.startsWith('/assets/app/editor/'));
    const served = await Promise.all(scripts.map(async (src) => (await getPage(t, owner, src)).statusCode));
    // then
    expect(scripts).toContain('/assets/app/editor/properties-panel.js');
    expect(scripts).toContain('/assets/app/editor/form-fields-section.js');
    expect(served.every((status) => status === 200)).toBe(true);
    expect(scripts.at(-1)).toBe('/assets/app/editor/editor.js');
  });
});
