// A task that asks for an apartment: the page offers the register's vacant apartments by unit and number, never an
// id to type, and the server refuses anything else with the task still open.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { following, getPage, postForm, signIn } from '../page-session.js';

let t: TestApp;
let instanceId: string;
let taskId: string;

beforeEach(async () => {
  // The demo register (DEMO=1) has three vacant apartments, Lindgården 12 among them.
  t = await startTestApp({ processes: ['web-lagenhet.bpmn'] });
  instanceId = (await t.call('enhetschef', { method: 'POST', url: '/api/processes/web-lagenhet/instances', payload: { businessKey: 'A-1', variables: {} } })).json().id;
  taskId = (await t.call('enhetschef', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json()[0].id;
});

afterEach(() => t.close());

describe('an apartment field', () => {
  test('when the task is listed and opened, then its choices are the vacant apartments by unit and number, in a list to pick from', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    // when
    const [listed] = (await t.call('enhetschef', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json();
    const page = await getPage(t, session, `/tasks/${taskId}`);
    // then
    const names = listed.form[0].values.map((v: { name: string }) => v.name);
    expect(listed.form[0]).toMatchObject({ id: 'lagenhetId', type: 'apartment', required: true });
    expect(names.length).toBeGreaterThan(1);
    expect(names).toContain('Servicebostad Lindgården 12 (2 rum, 48 m²)');
    expect(page.body).toMatch(/<select id="field-lagenhetId" name="lagenhetId" required[^>]*>\s*<option value="">Välj …<\/option>/);
    expect(page.body).toContain('<option value="lindgarden-12">Servicebostad Lindgården 12 (2 rum, 48 m²)</option>');
    expect(page.body).toContain('Lediga lägenheter i boenderegistret, efter boende och nummer.');
  });

  test('when a let apartment or typed text is sent, then 400 names the field and the task stays open; a listed one completes it', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    // when
    const typed = await postForm(t, session, `/tasks/${taskId}/complete`, { lagenhetId: 'Lindgården 12' });
    const api = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables: { lagenhetId: 'solrosen-1' } } });
    const stillOpen = (await t.call('enhetschef', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json().length;
    const picked = await postForm(t, following(session, typed), `/tasks/${taskId}/complete`, { lagenhetId: 'lindgarden-12' });
    // then
    expect(typed.statusCode).toBe(400);
    expect(typed.body).toContain('Ledig lägenhet: Välj en av lägenheterna i listan.');
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ fields: [{ field: 'lagenhetId', message: 'Välj en av lägenheterna i listan.' }] });
    expect(stillOpen).toBe(1);
    expect(picked.statusCode).toBe(303);
    expect((await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}` })).json()).toMatchObject({ state: 'completed', variables: { lagenhetId: 'lindgarden-12' } });
  });
});
