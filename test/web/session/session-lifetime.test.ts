// A working day of sign-in: a warning with "stay signed in" before it ends, a task form sent after it ended kept and
// brought back as a draft once the same person signs in, and a form from a page older than a new sign-in (another
// tab) said to be stale, with what was typed kept.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startBeslut, startTestApp, type TestApp } from '../test-app.js';
import { following, getPage, postForm, signIn, type SignedIn } from '../page-session.js';

const hours = (n: number) => n * 60 * 60 * 1000;
const csrfField = /name="_csrf" value="([^"]+)"/;

let t: TestApp;
let taskId: string;

beforeEach(async () => {
  t = await startTestApp();
  ({ taskId } = await startBeslut(t));
  // Only Date is faked: the sign-in's end is read from the wall clock, the cases' clock is the app's own.
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(async () => {
  vi.useRealTimers();
  await t.close();
});

/** Signs in through the form in the browser that holds `cookie` (so what its session kept carries over). */
async function signInWith(cookie: string, username: string) {
  const form = await t.app.inject({ method: 'GET', url: '/login?utloggad=1', headers: { cookie } });
  const jar = following({ cookie, csrf: '' }, form).cookie;
  const login = await t.app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfField.exec(form.body)![1]!, username, password: 'demo' }).toString(),
  });
  return { form, login, session: following({ cookie: jar, csrf: '' }, login) as SignedIn };
}

describe('the sign-in running out', () => {
  test('when a task form is sent after the sign-in ended, then it is kept and comes back as the draft when the same person signs in', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    vi.setSystemTime(Date.now() + hours(9));
    // when
    const late = await postForm(t, session, `/tasks/${taskId}/complete`, { svar: 'nej' });
    const { form, login, session: again } = await signInWith(following(session, late).cookie, 'enhetschef');
    const page = await getPage(t, again, `/tasks/${taskId}`);
    // then
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toBe('/login?utloggad=1');
    expect(form.body).toContain('Du hann bli utloggad innan formuläret skickades. Det du skrev är sparat');
    expect(login.headers.location).toBe(`/tasks/${taskId}`);
    expect(page.body).toContain('Det du skrev är sparat som utkast här');
    expect(page.body).toMatch(/value="nej" checked/);
    const open: { id: string }[] = (await t.call('admin', { method: 'GET', url: '/api/tasks' })).json();
    expect(open.map((x) => x.id)).toContain(taskId);
  });

  test('when the server restarts between the late form and the sign-in, then the form still comes back as the draft', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    vi.setSystemTime(Date.now() + hours(9));
    const late = await postForm(t, session, `/tasks/${taskId}/complete`, { svar: 'nej' });
    // when
    await t.restart();
    const { session: again } = await signInWith(following(session, late).cookie, 'enhetschef');
    const page = await getPage(t, again, `/tasks/${taskId}`);
    // then
    expect(page.body).toContain('Det du skrev är sparat som utkast här');
    expect(page.body).toMatch(/value="nej" checked/);
  });

  test('when someone else signs in on that browser, then the kept form is not theirs and is not restored', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    vi.setSystemTime(Date.now() + hours(9));
    const late = await postForm(t, session, `/tasks/${taskId}/complete`, { svar: 'nej' });
    // when
    const { login, session: other } = await signInWith(following(session, late).cookie, 'admin');
    const page = await getPage(t, other, `/tasks/${taskId}`);
    // then
    expect(login.statusCode).toBe(303);
    expect(page.body).not.toContain('Du hann bli utloggad');
    expect(page.body).not.toMatch(/value="nej" checked/);
  });

  test('when the page warns and the person stays signed in, then the sign-in lasts another working day from then', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    const start = await getPage(t, session, '/');
    vi.setSystemTime(Date.now() + hours(7.9));
    // when
    const extended = await postForm(t, session, '/session/extend');
    vi.setSystemTime(Date.now() + hours(7));
    const later = await getPage(t, following(session, extended), '/');
    // then
    expect(start.body).toMatch(/<div id="session-warning" class="session-warning" role="alertdialog"[^>]* hidden data-signed-in-until="[^"]+"/);
    expect(extended.statusCode).toBe(200);
    expect(Date.parse(extended.json().signedInUntil) - Date.now()).toBeGreaterThan(hours(0.9));
    expect(later.statusCode).toBe(200);
  });

  test('when nobody answers the warning, then the sign-in ends after a working day and a page asks to sign in', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    vi.setSystemTime(Date.now() + hours(8) + 1000);
    // when
    const page = await getPage(t, session, '/');
    // then
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login');
  });
});

describe('a page older than the sign-in', () => {
  test('when a task form carries a stale token, then nothing is completed, the page says why and what was typed is the draft', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    // when
    const stale = await postForm(t, { ...session, csrf: 'fran-en-annan-flik' }, `/tasks/${taskId}/complete`, { svar: 'nej' });
    const page = await getPage(t, following(session, stale), `/tasks/${taskId}`);
    // then
    expect(stale.statusCode).toBe(303);
    expect(page.body).toContain('Formuläret skickades inte: sidan hade blivit inaktuell');
    expect(page.body).toMatch(/value="nej" checked/);
  });

  test('when another form carries a stale token, then the refusal says the form was stale, not that rights are missing', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    // when
    const stale = await postForm(t, { ...session, csrf: 'fran-en-annan-flik' }, '/logout');
    // then
    expect(stale.statusCode).toBe(403);
    expect(stale.body).toContain('Formuläret kunde inte skickas');
    expect(stale.body).toContain('har loggat in på nytt i en annan flik');
    expect(stale.body).not.toContain('Du har inte behörighet');
  });
});
