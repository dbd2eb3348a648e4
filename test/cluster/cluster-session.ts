// A person's browser session against one server of a cluster: signed in through the real login form (CSRF token and
// all), its cookie then sent to any server, as a load balancer without sticky sessions does.
import type { ClusterServer } from './cluster-kit.js';

export interface BrowserSession {
  cookie: string;
  csrf: string;
}

const csrfField = /name="_csrf" value="([^"]+)"/;

function sessionCookie(response: Response): string | undefined {
  return response.headers.getSetCookie().find((c) => c.includes('boendekoordination='))?.split(';')[0];
}

/** Signs in as a demo user (password `demo`) on `server`; the cookie and a CSRF token for the signed-in pages. */
export async function signInOn(server: ClusterServer, username: string): Promise<BrowserSession> {
  const form = await fetch(`${server.baseUrl}/login`);
  const anonymous = sessionCookie(form);
  const token = csrfField.exec(await form.text())?.[1];
  if (!anonymous || !token) throw new Error(`the login form on ${server.name} gave no cookie or CSRF field`);
  const login = await fetch(`${server.baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: anonymous, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, username, password: 'demo' }).toString(),
  });
  const cookie = sessionCookie(login);
  if (login.status !== 303 || !cookie) throw new Error(`sign-in as ${username} on ${server.name} answered ${login.status}`);
  const start = await fetch(`${server.baseUrl}/`, { headers: { cookie } });
  const csrf = csrfField.exec(await start.text())?.[1];
  if (!csrf) throw new Error(`the start page on ${server.name} has no CSRF field`);
  return { cookie: sessionCookie(start) ?? cookie, csrf };
}

/** A request with the session's cookie only (no HTTP Basic); the status. */
export async function withSession(server: ClusterServer, session: BrowserSession, url: string): Promise<number> {
  return (await fetch(`${server.baseUrl}${url}`, { headers: { cookie: session.cookie }, redirect: 'manual' })).status;
}

/** Signs out through the page's form on `server`; the status (303 when done). */
export async function signOutOn(server: ClusterServer, session: BrowserSession): Promise<number> {
  const response = await fetch(`${server.baseUrl}/logout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: session.csrf }).toString(),
  });
  return response.status;
}
