// Signing in through the real login form for page tests: the session cookie and a CSRF token for form posts.
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app.js';

export interface SignedIn {
  cookie: string;
  csrf: string;
}

const csrfField = /name="_csrf" value="([^"]+)"/;

function sessionCookie(setCookie: string | string[] | undefined): string {
  const first = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).find((c) => c.includes('boendekoordination='));
  if (!first) throw new Error('no session cookie was set');
  return first.split(';')[0]!;
}

/** Signs in as a demo user (password `demo`) and returns the session cookie with a CSRF token for it. */
export async function signIn(t: TestApp, username: string): Promise<SignedIn> {
  const form = await t.app.inject({ method: 'GET', url: '/login' });
  const anonymous = sessionCookie(form.headers['set-cookie']);
  const token = csrfField.exec(form.body)?.[1];
  if (!token) throw new Error('the login form has no CSRF field');
  const login = await t.app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: anonymous, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token, username, password: 'demo' }).toString(),
  });
  if (login.statusCode !== 303) throw new Error(`sign-in as ${username} failed with ${login.statusCode}`);
  const cookie = sessionCookie(login.headers['set-cookie']);
  const start = await t.app.inject({ method: 'GET', url: '/', headers: { cookie } });
  const csrf = csrfField.exec(start.body)?.[1];
  if (!csrf) throw new Error('the start page has no CSRF field');
  return { cookie: sessionCookie(start.headers['set-cookie'] ?? cookie) ?? cookie, csrf };
}

/** A form post as a signed-in user; `fields` are sent url-encoded with the CSRF token. */
export function postForm(t: TestApp, session: SignedIn, url: string, fields: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
  });
}

/** A page as a signed-in user. */
export function getPage(t: TestApp, session: SignedIn | null, url: string) {
  return t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
}

/** The session as the browser holds it after an answer that changed it (a notice was left in it). */
export function following(session: SignedIn, response: LightMyRequestResponse): SignedIn {
  const cookies = [response.headers['set-cookie'] ?? []].flat();
  const cookie = cookies.find((c) => c.includes('boendekoordination='));
  return cookie ? { ...session, cookie: cookie.split(';')[0]! } : session;
}
