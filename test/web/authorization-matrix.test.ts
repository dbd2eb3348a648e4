// Authorization of the whole app: every registered route, tried by every role and by nobody, answers as the table says.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allRoles, type Role } from '../../src/auth/roles.js';
import { routeTable, type Attempt, type Fixture, type RouteRule } from './authorization-table.js';
import { getPage, postForm, signIn, type SignedIn } from './page-session.js';
import { startBeslut, startTestApp, type TestApp } from './test-app.js';

type Who = Role | null;
type Outcome = 'ok' | 'sign-in' | 'unauthorized' | 'forbidden' | 'not_found' | `status ${number}`;

const everyone: Who[] = [...allRoles, null];
const isApi = (url: string) => url === '/api' || url.startsWith('/api/');
const csrfField = /name="_csrf" value="([^"]+)"/;

let t: TestApp;
const sessions = new Map<Role, SignedIn>();
let fx: Fixture;

/** Every route as `METHOD pattern`, read from the router's tree (each line a node; a path is its ancestors' labels joined). */
function registeredRoutes(app: FastifyInstance): string[] {
  const labels: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: true }).split('\n')) {
    const node = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    labels.length = node[1]!.length / 4;
    labels.push(node[2]!);
    for (const method of node[3]?.split(', ') ?? []) routes.push(`${method} ${labels.join('')}`);
  }
  return routes;
}

/** Static assets are open by rule (page-auth); HEAD answers like its GET. */
const coveredByRule = (route: string) => route.startsWith('HEAD ') || / \/assets\//.test(route);

/**
 * The app as seen from `who`'s own address: sign-in's rate limit is keyed by address (see the report), and this
 * test signs in far more often than a person would.
 */
function from(who: Who): TestApp {
  const remoteAddress = `10.0.0.${who ? allRoles.indexOf(who) + 1 : 100}`;
  const app = { inject: (options: InjectOptions) => t.app.inject({ ...options, remoteAddress }) } as unknown as FastifyInstance;
  return { ...t, app };
}

/** Sends an attempt as `who`: /api with HTTP Basic, pages with the signed-in session (or none). */
async function send(rule: RouteRule, who: Who, attempt: Attempt): Promise<LightMyRequestResponse> {
  if (isApi(rule.url)) return t.call(who, { method: rule.method, url: attempt.url, ...(attempt.payload !== undefined ? { payload: attempt.payload } : {}), headers: attempt.headers ?? {} });
  const session = who ? sessions.get(who)! : null;
  if (rule.method === 'GET') return getPage(from(who), session, attempt.url);
  if (session) return postForm(from(who), session, attempt.url, attempt.form);
  const payload = new URLSearchParams(attempt.form ?? {}).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded', ...attempt.headers };
  return from(who).app.inject({ method: 'POST', url: attempt.url, headers, payload });
}

/** What the answer means; a 401/403/404 counts only with the body the app gives it (JSON error or error page). */
function outcomeOf(rule: RouteRule, response: LightMyRequestResponse): Outcome {
  const { statusCode: status } = response;
  // Only a page that was asked for sends to the sign-in form; after /logout the same redirect is success.
  if (status === 303 && response.headers.location === '/login' && rule.method === 'GET') return 'sign-in';
  if (status < 400) return 'ok';
  const html = /^text\/html/.test(String(response.headers['content-type']));
  const said = (code: string, heading: string) => (isApi(rule.url) ? !html && response.json().error === code : html && response.body.includes(heading));
  if (status === 401 && said('unauthorized', 'Du är inte inloggad')) return 'unauthorized';
  if (status === 403 && said('forbidden', 'Du har inte behörighet')) return 'forbidden';
  if (status === 404 && said('not_found', 'Sidan finns inte')) return 'not_found';
  return `status ${status}`;
}

/** The answer the table promises. */
function expectedOutcome(rule: RouteRule, who: Who): Outcome {
  const { access } = rule;
  if (access.kind === 'public') return 'ok';
  if (who === null) return isApi(rule.url) || rule.method === 'POST' ? 'unauthorized' : 'sign-in';
  if (access.kind === 'signed-in' || who === 'admin' || access.roles.includes(who)) return 'ok';
  const pastDoor = !access.door || access.door.includes(who);
  if (access.readers && pastDoor && !access.readers.includes(who)) return 'not_found';
  const revisorWrite = who === 'revisor' && rule.method === 'POST';
  return access.hidden && !revisorWrite ? 'not_found' : 'forbidden';
}

async function attemptAs(rule: RouteRule, who: Who): Promise<Outcome> {
  return outcomeOf(rule, await send(rule, who, await rule.attempt(fx, who)));
}

beforeAll(async () => {
  t = await startTestApp({ processes: ['web-beslut.bpmn', 'web-lss-beslut.bpmn', 'web-incident.bpmn'] });
  for (const [role, session] of await Promise.all(allRoles.map(async (role) => [role, await signIn(from(role), role)] as const))) sessions.set(role, session);
  let counter = 0;
  const fresh = () => startBeslut(t, `AZ-${++counter}`);
  const shared = await fresh();
  // A month without an answer: the diagram's reminder reaches the enhetschef's inbox, and the task stays open.
  const moved = await t.call('admin', { method: 'POST', url: '/api/clock', payload: { advance: 'P1M1D' } });
  if (moved.statusCode !== 200) throw new Error(`clock: ${moved.statusCode}`);
  const inbox: { id: string; instanceId: string }[] = (await t.call('enhetschef', { method: 'GET', url: '/api/inbox' })).json();
  const bevakningId = inbox.find((b) => b.instanceId === shared.instanceId)?.id;
  if (!bevakningId) throw new Error('no bevakning for the shared case');
  fx = {
    ...shared,
    bevakningId,
    fresh,
    async freshClaimed() {
      const made = await fresh();
      const claimed = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${made.taskId}/claim`, payload: {} });
      if (claimed.statusCode !== 200) throw new Error(`claim: ${claimed.statusCode}`);
      return made;
    },
    async freshIncident() {
      const started = await t.call('enhetschef', { method: 'POST', url: '/api/processes/web-incident/instances', payload: { businessKey: `AZ-${++counter}`, variables: { lagenhetId: 'finns-inte' } } });
      if (started.statusCode !== 201) throw new Error(`start: ${started.statusCode}`);
      const instance: { id: string; incidents: { id: string }[] } = (await t.call('admin', { method: 'GET', url: `/api/instances/${started.json().id}` })).json();
      const incidentId = instance.incidents[0]?.id;
      if (!incidentId) throw new Error('no incident on the started case');
      // A let apartment of its own to correct the step with: registering one vacant twice is refused.
      const letApartment = `az-lgh-${++counter}`;
      const seeded = await t.call('boendesamordnare', { method: 'POST', url: '/api/housing', payload: { units: [], apartments: [{ id: letApartment, unitId: 'ekbacken', number: String(counter), rooms: 1, sizeSqm: 30, rent: 5000, status: 'uthyrd' }] } });
      if (seeded.statusCode !== 201) throw new Error(`housing: ${seeded.statusCode} ${seeded.body}`);
      return { instanceId: instance.id, incidentId, letApartment };
    },
    async freshDecision() {
      const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-lss-beslut/instances', payload: { businessKey: `AZ-${++counter}`, variables: { beslutsdatum: '2027-01-10' } } });
      if (started.statusCode !== 201) throw new Error(`start: ${started.statusCode}`);
      const decisions: { id: string; instanceId: string }[] = (await t.call('admin', { method: 'GET', url: '/api/decisions' })).json();
      const decision = decisions.find((d) => d.instanceId === started.json().id);
      if (!decision) throw new Error('no decision for the started case');
      return decision;
    },
    unique: () => `az-${++counter}`,
    async anonymous() {
      const form = await from(null).app.inject({ method: 'GET', url: '/login' });
      const cookie = [form.headers['set-cookie'] ?? []].flat().find((c) => c.includes('boendekoordination='))?.split(';')[0];
      const csrf = csrfField.exec(form.body)?.[1];
      if (!cookie || !csrf) throw new Error('the sign-in form gave no session or CSRF token');
      return { cookie, csrf };
    },
  };
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('authorization matrix', () => {
  test('when the routes are listed, then the table has a row for each one and no row for a route that is gone', () => {
    // given
    const registered = registeredRoutes(t.app);
    // when
    const needingRows = registered.filter((route) => !coveredByRule(route)).sort();
    // then
    expect(registered.filter(coveredByRule).length).toBeGreaterThan(0);
    expect(routeTable.map((rule) => `${rule.method} ${rule.url}`).sort()).toEqual(needingRows);
  });

  test('when the revisor tries any write, then it is refused with 403', async () => {
    // given
    // Signing in and out, and staying signed in, change no case: the auditor does them like anyone.
    const ownSession = ['/login', '/logout', '/session/extend'];
    const writes = routeTable.filter((rule) => rule.method === 'POST' && !ownSession.includes(rule.url));
    // when
    const outcomes: string[] = [];
    for (const rule of writes) outcomes.push(`${rule.url}: ${await attemptAs(rule, 'revisor')}`);
    // then
    expect(outcomes).toEqual(writes.map((rule) => `${rule.url}: forbidden`));
  });

  test.each(routeTable.map((rule) => [`${rule.method} ${rule.url}`, rule] as const))(
    'when every role and nobody call %s, then each gets the answer its rights allow',
    async (_name, rule) => {
      // given
      const expected = everyone.map((who) => `${who ?? '(ingen)'}: ${expectedOutcome(rule, who)}`);
      // when
      const actual: string[] = [];
      for (const who of everyone) actual.push(`${who ?? '(ingen)'}: ${await attemptAs(rule, who)}`);
      // then
      expect(actual).toEqual(expected);
    },
  );
});
