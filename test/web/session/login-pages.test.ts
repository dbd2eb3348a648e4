import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, postForm, signIn } from '../page-session.js';

/** The sign-in form as one browser holds it: each call posts a name and password with that browser's cookie and token. */
async function signInForm(t: TestApp) {
  const form = await t.app.inject({ method: 'GET', url: '/login' });
  const cookie = String(form.headers['set-cookie']).split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  return (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/login', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, username, password }).toString() });
}

describe('sign-in pages', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when someone opens a page without signing in, then they are sent to the sign-in form', async () => {
    // given
    t = await startTestApp();
    // when
    const page = await getPage(t, null, '/');
    const form = await getPage(t, null, '/login');
    // then
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login');
    expect(form.body).toContain('<label for="username">Användarnamn</label>');
    expect(form.headers['content-security-policy']).toContain("script-src 'self'");
  });

  test('when the right password is given, then the session cookie is httpOnly, Secure and SameSite=Lax (a link from Outlook or Teams opens signed in) and the start page opens', async () => {
    // given
    t = await startTestApp();
    // when
    const session = await signIn(t, 'enhetschef');
    const start = await getPage(t, session, '/');
    // then
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Inloggad som <strong>enhetschef</strong>');
    const login = await t.app.inject({ method: 'GET', url: '/login' });
    expect(String(login.headers['set-cookie'])).toMatch(/__Host-boendekoordination=.*HttpOnly.*Secure.*SameSite=Lax|__Host-boendekoordination=.*SameSite=Lax.*Secure/i);
  });

  test('when the password is wrong, then the form comes back with a message and no session', async () => {
    // given
    t = await startTestApp();
    const form = await t.app.inject({ method: 'GET', url: '/login' });
    const cookie = String(form.headers['set-cookie']).split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    // when
    const failed = await t.app.inject({ method: 'POST', url: '/login', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${csrf}&username=enhetschef&password=fel` });
    // then
    expect(failed.statusCode).toBe(401);
    expect(failed.body).toContain('Fel användarnamn eller lösenord.');
    expect(failed.body).toContain('value="enhetschef"');
  });

  test('when someone signs out and the server restarts, then a copy of the old cookie still does not sign in', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'enhetschef');
    const signedOut = await postForm(t, session, '/logout');
    // when
    await t.restart();
    const withOldCookie = await getPage(t, session, '/');
    const other = await signIn(t, 'admin');
    // then
    expect(signedOut.statusCode).toBe(303);
    expect(withOldCookie.statusCode).toBe(303);
    expect(withOldCookie.headers.location).toBe('/login');
    expect((await getPage(t, other, '/')).statusCode).toBe(200);
  });

  test('when a form is posted without a valid CSRF token, then it is refused and nothing happens', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'enhetschef');
    // when
    const forged = await postForm(t, { ...session, csrf: 'forfalskad' }, '/logout');
    const stillIn = await getPage(t, session, '/');
    // then
    expect(forged.statusCode).toBe(403);
    expect(stillIn.statusCode).toBe(200);
  });

  test('when someone guesses passwords, then the sign-in is rate limited', async () => {
    // given
    t = await startTestApp();
    const form = await t.app.inject({ method: 'GET', url: '/login' });
    const cookie = String(form.headers['set-cookie']).split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    // when
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/login', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${csrf}&username=admin&password=gissning${i}` });
      statuses.push(r.statusCode);
    }
    // then
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  test('when the guessed name is written with spaces or capitals, then it counts as the same name and is refused too', async () => {
    // given
    t = await startTestApp();
    const post = await signInForm(t);
    for (let i = 0; i < 10; i++) await post('admin', `gissning${i}`);
    // when
    const spaced = await post(' admin ', 'demo');
    const capital = await post('ADMIN', 'demo');
    // then
    expect([spaced.statusCode, capital.statusCode]).toEqual([429, 429]);
  });

  test('when one person guesses wrong ten times, then a colleague at the same address can still sign in', async () => {
    // given
    t = await startTestApp();
    const post = await signInForm(t);
    for (let i = 0; i < 10; i++) await post('admin', `gissning${i}`);
    // when
    const blocked = await post('admin', 'demo');
    const colleague = await post('enhetschef', 'demo');
    // then
    expect(blocked.statusCode).toBe(429);
    expect(colleague.statusCode).toBe(303);
  });

  test('when someone signs out, then the old session cookie no longer opens anything', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'enhetschef');
    // when
    await postForm(t, session, '/logout');
    const page = await getPage(t, session, '/');
    const api = await t.app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie: session.cookie } });
    // then
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login');
    expect(api.statusCode).toBe(401);
  });
});
