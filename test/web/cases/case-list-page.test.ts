import { afterEach, describe, expect, test } from 'vitest';
import { startBeslut, startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn } from '../page-session.js';

/** Two cases of web-beslut: LSS-2027-1 still running, LSS-2027-2 answered and so completed. */
async function twoCases(t: TestApp) {
  const running = await startBeslut(t, 'LSS-2027-1');
  const answered = await startBeslut(t, 'LSS-2027-2');
  const done = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${answered.taskId}/complete`, payload: { variables: { svar: 'ja' } } });
  if (done.statusCode !== 200) throw new Error(`complete failed: ${done.statusCode}`);
  return { running: running.instanceId, completed: answered.instanceId };
}

/** The case numbers in the list, in the order shown. */
function listed(body: string): string[] {
  return [...body.matchAll(/<td data-label="Ärendenummer"><a href="\/cases\/[^"]+">([^<]+)<\/a><\/td>/g)].map((m) => m[1]!);
}

describe('case list page', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a user opens the case list, then every case is listed with a link to its page, its process and its state', async () => {
    // given
    t = await startTestApp();
    const { running, completed } = await twoCases(t);
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, '/cases');
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="traffar">2 ärenden</h2>');
    expect(page.body).toContain(`<a href="/cases/${running}">LSS-2027-1</a>`);
    expect(page.body).toContain(`<a href="/cases/${completed}">LSS-2027-2</a>`);
    expect(page.body).toContain('<td data-label="Process">Beslut att besvara <span class="badge">v1</span></td>');
    expect(page.body).toContain('<td data-label="Läge">Pågår</td>');
    expect(page.body).toMatch(/<td data-label="Läge">Avslutat [^<]+<\/td>/);
    expect(page.body).toContain('<option value="web-beslut">Beslut att besvara</option>');
    expect(page.body).toContain('<label for="filter-q">Sök ärende eller person</label>');
  });

  test('when the list is filtered by state, process or part of the case number, then only the matching cases are listed and the filter stays filled in', async () => {
    // given
    t = await startTestApp();
    await twoCases(t);
    const session = await signIn(t, 'revisor');
    // when
    const byState = await getPage(t, session, '/cases?state=completed');
    const byNumber = await getPage(t, session, '/cases?q=lss-2027-1');
    const byProcess = await getPage(t, session, '/cases?process=web-beslut&state=running&q=');
    const noMatch = await getPage(t, session, '/cases?process=web-skript');
    // then
    expect(listed(byState.body)).toEqual(['LSS-2027-2']);
    expect(byState.body).toContain('<option value="completed" selected>Avslutat</option>');
    expect(listed(byNumber.body)).toEqual(['LSS-2027-1']);
    expect(byNumber.body).toContain('name="q" value="lss-2027-1"');
    expect(listed(byProcess.body)).toEqual(['LSS-2027-1']);
    expect(byProcess.body).toContain('<option value="web-beslut" selected>');
    expect(noMatch.statusCode).toBe(200);
    expect(noMatch.body).toContain('Inga ärenden matchar filtret.');
    expect(noMatch.body).toContain('<a href="/cases">Visa alla</a>');
  });

  test("when the list is searched by the person's name, then their cases are found, each with the person, decision date and days waiting", async () => {
    // given: two LSS decisions, one of them for Anna Berg; the clock stands at 2027-01-15
    t = await startTestApp({ processes: ['web-lss-beslut.bpmn'] });
    const start = (businessKey: string, variables: Record<string, unknown>) =>
      t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-lss-beslut/instances', payload: { businessKey, variables } });
    const anna = (await start('LSS-7', { beslutsdatum: '2027-01-05', brukare: 'Anna Berg' })).json().id;
    await start('LSS-8', { beslutsdatum: '2027-01-10', brukare: 'Bo Ek' });
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const page = await getPage(t, session, '/cases?q=berg+anna');
    const api = await t.call('lss-handlaggare', { method: 'GET', url: '/api/instances?q=BERG' });
    // then
    expect(listed(page.body)).toEqual(['LSS-7']);
    expect(page.body).toContain('<td data-label="Person">Anna Berg</td>');
    expect(page.body).toContain('<td data-label="Beslutsdatum">2027-01-05</td>');
    expect(page.body).toContain('<td data-label="Väntat">10 dagar</td>');
    expect(api.json().map((c: { id: string }) => c.id)).toEqual([anna]);
    expect(Object.keys(api.json()[0]).sort()).toEqual(['businessKey', 'endedAt', 'id', 'processKey', 'startedAt', 'state', 'version']);
  });

  test('when someone without a part in the cases opens the list or searches, then the cases are not there at all', async () => {
    // given: web-beslut's cases belong to the LSS-handläggare and the enhetschef, not the arbetsterapeut
    t = await startTestApp();
    await twoCases(t);
    const session = await signIn(t, 'arbetsterapeut');
    // when
    const page = await getPage(t, session, '/cases');
    const searched = await t.call('arbetsterapeut', { method: 'GET', url: '/api/instances?q=LSS-2027' });
    const reader = await t.call('enhetschef', { method: 'GET', url: '/api/instances?q=LSS-2027' });
    // then
    expect(listed(page.body)).toEqual([]);
    expect(page.body).toContain('<h2 id="traffar">0 ärenden</h2>');
    expect(searched.json()).toEqual([]);
    expect(reader.json()).toHaveLength(2);
  });

  test('when the filter holds a state that does not exist, then the page answers 400 with a Swedish message', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'arbetsterapeut');
    // when
    const page = await getPage(t, session, '/cases?state=borta');
    // then
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Sökvillkoren är inte giltiga.');
  });

  test('when a case number holds a script tag, then the list shows it as text', async () => {
    // given
    t = await startTestApp();
    await startBeslut(t, '<script>alert(1)</script>');
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, '/cases');
    // then
    expect(listed(page.body)).toEqual(['&lt;script&gt;alert(1)&lt;/script&gt;']);
    expect(page.body).not.toContain('<script>alert(1)</script>');
  });

  test('when nobody is signed in, then the case list sends them to the sign-in form', async () => {
    // given
    t = await startTestApp();
    // when
    const page = await getPage(t, null, '/cases');
    // then
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login');
  });
});
