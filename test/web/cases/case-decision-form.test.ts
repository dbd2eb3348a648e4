// The decision on the case page: its status and events, and the form that records an event by hand.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { following, getPage, postForm, signIn } from '../page-session.js';

let t: TestApp;
let caseId: string;

beforeEach(async () => {
  t = await startTestApp({ processes: ['web-lss-beslut.bpmn'] });
  const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-lss-beslut/instances', payload: { businessKey: 'D-7', variables: { beslutsdatum: '2027-01-10' } } });
  caseId = started.json().id;
});

afterEach(async () => {
  await t.close();
});

describe('the decision on the case page', () => {
  test('when a handläggare opens the case, then the decision shows its status and the form to record an event', async () => {
    // given
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const page = await getPage(t, session, `/cases/${caseId}`);
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="beslutet">Beslutet</h2>');
    expect(page.body).toContain('<dt>Status</dt><dd>Ej verkställt</dd>');
    expect(page.body).toContain(`action="/cases/${caseId}/decision-events"`);
    expect(page.body).toContain('<option value="drojsmal">Skäl till dröjsmål</option>');
  });

  test('when the auditor opens the case, then the decision shows without the form', async () => {
    // given
    const session = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, session, `/cases/${caseId}`);
    // then
    expect(page.body).toContain('<dt>Status</dt><dd>Ej verkställt</dd>');
    expect(page.body).not.toContain('decision-events');
  });

  test('when a delay is posted without its reason, then the form comes back with the message and the values kept, and nothing is recorded', async () => {
    // given
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const refused = await postForm(t, session, `/cases/${caseId}/decision-events`, { type: 'drojsmal', date: '2027-01-14', reason: '' });
    // then
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<p id="decision-reason-error" class="field-error">Skriv skälet.</p>');
    expect(refused.body).toContain('<option value="drojsmal" selected>');
    expect(refused.body).toContain('value="2027-01-14"');
    expect((await t.call('admin', { method: 'GET', url: '/api/decisions' })).json()[0].events).toEqual([]);
  });

  test('when a step does not fit the decision, then the page says why with 409', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    // when
    const refused = await postForm(t, session, `/cases/${caseId}/decision-events`, { type: 'aterupptagen', date: '2027-01-14' });
    // then
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('kan inte registreras nu');
  });

  test('when a delay is posted with its reason, then the case page shows it with who recorded it', async () => {
    // given
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const posted = await postForm(t, session, `/cases/${caseId}/decision-events`, { type: 'drojsmal', date: '2027-01-14', reason: 'Ingen ledig lägenhet.' });
    const page = await getPage(t, following(session, posted), `/cases/${caseId}`);
    // then
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/cases/${caseId}#beslutet`);
    expect(page.body).toContain('Händelsen är registrerad på beslutet.');
    expect(page.body).toContain('<td>Skäl till dröjsmål</td><td>Ingen ledig lägenhet.</td><td>lss-handlaggare</td>');
  });

  test('when the handläggare closes the decision of a running LSS case on its page, then the page says it ends the case and the case ends', async () => {
    // given: the real LSS routine, whose closing message ends the case
    const xml = await readFile(new URL('../../../processes/lss-boende.bpmn', import.meta.url), 'utf8');
    expect((await t.call('processagare', { method: 'POST', url: '/api/processes', headers: { 'content-type': 'application/xml' }, payload: xml })).statusCode).toBe(201);
    const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/lss-boende/instances', payload: { variables: { beslutsdatum: '2027-01-10', brukare: 'Kund-5', kon: 'kvinna' } } });
    const lssCase = started.json().id;
    const session = await signIn(t, 'lss-handlaggare');
    const before = await getPage(t, session, `/cases/${lssCase}`);
    // when
    const posted = await postForm(t, session, `/cases/${lssCase}/decision-events`, { type: 'avslutat', date: '2027-01-14', reason: 'Ansökan återtagen.' });
    const after = await getPage(t, following(session, posted), `/cases/${lssCase}`);
    // then
    expect(before.body).toContain('Avslut avslutar också ärendet');
    expect(posted.statusCode).toBe(303);
    expect(after.body).toContain('<dt>Status</dt><dd>Avslutat</dd>');
    expect(after.body).not.toContain('Avslut avslutar också ärendet');
    expect((await t.call('admin', { method: 'GET', url: `/api/instances/${lssCase}` })).json().state).toBe('completed');
  });
});
