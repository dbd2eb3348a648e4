// Who may use each route of the app, and the request that tries it: the table the authorization matrix test walks.
import { readFileSync } from 'node:fs';
import { decisionEventRecorders, type Role } from '../../src/auth/index.js';
import { uploadableBpmn } from './test-app.js';

/**
 * `public`: nobody needs to be signed in. `signed-in`: any signed-in user. `roles`: those roles and admin; anyone
 * else gets 403, or 404 when `hidden` (the thing is not theirs to know of; the revisor's writes are still 403).
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | {
      kind: 'roles';
      roles: readonly Role[];
      hidden?: boolean;
      /** A route about one case: roles without a part in it (API.md "Access") get 404 once past `door`. */
      readers?: readonly Role[];
      /** The roles the route's own role check lets in before the case is looked at (default: every role). */
      door?: readonly Role[];
    };

/** One request: a JSON `payload` for /api, url-encoded `form` fields for a page post (the session's CSRF token is added). */
export interface Attempt {
  url: string;
  payload?: string | object;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

/** What attempts use: ids that never change, and fresh ones for calls that change what they touch. */
export interface Fixture {
  /** A running `web-beslut` case whose open task (candidate group enhetschef) stays unclaimed. */
  instanceId: string;
  taskId: string;
  /** A bevakning to the group enhetschef about that case. */
  bevakningId: string;
  /** A new `web-beslut` case and its open, unclaimed task (group enhetschef). */
  fresh(): Promise<{ instanceId: string; taskId: string }>;
  /** A new case whose task the enhetschef has claimed. */
  freshClaimed(): Promise<{ instanceId: string; taskId: string }>;
  /** A new `web-lss-beslut` case (an LSS decision of 2027-01-10, not executed): its decision's id and the case's. */
  freshDecision(): Promise<{ id: string; instanceId: string }>;
  /** A new case of web-incident whose first step failed: an open incident to retry. */
  freshIncident(): Promise<{ instanceId: string; incidentId: string; letApartment: string }>;
  /** A new id for things that may exist only once (business keys, units). */
  unique(): string;
  /** A session cookie and CSRF token of someone who has only opened the sign-in form. */
  anonymous(): Promise<{ cookie: string; csrf: string }>;
}

export interface RouteRule {
  method: 'GET' | 'POST';
  /** The registered pattern. */
  url: string;
  access: Access;
  attempt(fx: Fixture, who: Role | null): Attempt | Promise<Attempt>;
}

const open: Access = { kind: 'public' };
const anyUser: Access = { kind: 'signed-in' };
const only = (...roles: Role[]): Access => ({ kind: 'roles', roles });
const hidden = (...roles: Role[]): Access => ({ kind: 'roles', roles, hidden: true });
/** A route about a case whose readers are `readers` (the revisor reads every case); `ok` may do what it does. */
const inCase = (readers: readonly Role[], ok: readonly Role[], door?: readonly Role[]): Access => ({ kind: 'roles', roles: ok, readers: [...readers, 'revisor'], ...(door ? { door } : {}) });
/** The roles with a part in web-beslut and web-lss-beslut (starter lss-handlaggare; task and bevakning enhetschef). */
const beslutReaders: Role[] = ['lss-handlaggare', 'enhetschef'];
/** Who may see the persons of the housing register (queue, waitlist): the roles of the housing steps, their chiefs, revisor. */
const housingPersonReaders: Role[] = [
  'boendesamordnare', 'boendeformedling', 'bistandshandlaggare', 'lss-handlaggare', 'arbetsterapeut', 'samordnare-externa',
  'enhetschef', 'boendeteam-chef', 'myndighetschef', 'verksamhetschef', 'revisor',
];
/** web-incident's: started by and for the enhetschef. */
const incidentReaders: Role[] = ['enhetschef'];
const get = (url: string, access: Access, path: (fx: Fixture) => string = () => url): RouteRule => ({
  method: 'GET',
  url,
  access,
  attempt: (fx) => ({ url: path(fx) }),
});
const post = (url: string, access: Access, attempt: RouteRule['attempt']): RouteRule => ({ method: 'POST', url, access, attempt });

/** The web-beslut diagram as deployed, so publishing it again changes nothing. */
const webBeslutBpmn = readFileSync('test/fixtures/processes/web/web-beslut.bpmn', 'utf8');

/** The web-beslut diagram: started by lss-handlaggare, its task "Lämna svar" is for enhetschef, message `avliden`. */
const decision = { beslutsdatum: '2027-01-31' };
const answer = { svar: 'ja' };

/** Every route but the static assets. `/logout` comes last: it ends the session the rows before it use. */
export const routeTable: RouteRule[] = [
  get('/health', open),
  get('/api/processes', anyUser),
  get('/api/processes/:key', anyUser, () => '/api/processes/web-beslut'),
  get('/api/processes/:key/versions/:version/bpmn', anyUser, () => '/api/processes/web-beslut/versions/1/bpmn'),
  post('/api/processes', only('processagare'), () => ({ url: '/api/processes', headers: { 'content-type': 'application/xml' }, payload: uploadableBpmn('az-uppladdad') })),
  post('/api/processes/:key/instances', only('lss-handlaggare'), (fx) => ({ url: '/api/processes/web-beslut/instances', payload: { businessKey: fx.unique(), variables: decision } })),
  get('/api/instances', anyUser),
  get('/api/instances/:id', inCase(beslutReaders, [...beslutReaders, 'revisor']), (fx) => `/api/instances/${fx.instanceId}`),
  get('/api/instances/:id/history', inCase(beslutReaders, [...beslutReaders, 'revisor']), (fx) => `/api/instances/${fx.instanceId}/history`),
  get('/api/incidents', anyUser),
  post('/api/instances/:id/incidents/:incidentId/retry', inCase(incidentReaders, ['enhetschef']), async (fx) => {
    const { instanceId, incidentId, letApartment } = await fx.freshIncident();
    return { url: `/api/instances/${instanceId}/incidents/${incidentId}/retry`, payload: { variables: { lagenhetId: letApartment } } };
  }),
  post('/api/instances/:id/messages/:name', inCase(beslutReaders, ['lss-handlaggare', 'enhetschef']), async (fx) => ({ url: `/api/instances/${(await fx.fresh()).instanceId}/messages/avliden`, payload: {} })),
  get('/api/tasks', anyUser),
  post('/api/tasks/:id/assign', only('enhetschef'), async (fx) => ({ url: `/api/tasks/${(await fx.fresh()).taskId}/assign`, payload: { assignee: null, followUp: '2027-02-01' } })),
  post('/api/tasks/:id/claim', only('enhetschef'), async (fx) => ({ url: `/api/tasks/${(await fx.fresh()).taskId}/claim`, payload: {} })),
  post('/api/tasks/:id/complete', only('enhetschef'), async (fx) => ({ url: `/api/tasks/${(await fx.fresh()).taskId}/complete`, payload: { variables: answer } })),
  get('/api/decisions', anyUser),
  post('/api/decisions/:id/events', inCase(beslutReaders, ['lss-handlaggare', 'enhetschef'], decisionEventRecorders), async (fx) => ({ url: `/api/decisions/${(await fx.freshDecision()).id}/events`, payload: { type: 'drojsmal', date: '2027-01-12', reason: 'Ingen ledig plats.' } })),
  get('/api/inbox', anyUser),
  get('/api/inbox/:id', hidden('enhetschef', 'revisor'), (fx) => `/api/inbox/${fx.bevakningId}`),
  post('/api/inbox/:id/read', hidden('enhetschef'), (fx) => ({ url: `/api/inbox/${fx.bevakningId}/read`, payload: {} })),
  get('/api/clock', anyUser),
  post('/api/clock', only(), () => ({ url: '/api/clock', payload: { advance: 'PT1M' } })),
  post('/api/housing', only('boendesamordnare'), (fx) => ({ url: '/api/housing', payload: { units: [{ id: fx.unique(), name: 'Provboendet', law: 'LSS', profile: 'Prov' }] } })),
  get('/api/housing/units', anyUser),
  get('/api/housing/apartments', anyUser),
  get('/api/housing/queue', only(...housingPersonReaders)),
  // Open to all, but without the person for those outside housingPersonReaders (test/web/housing/housing-need-to-know.test.ts).
  get('/api/housing/offers', anyUser),
  get('/api/housing/waitlist', only(...housingPersonReaders)),
  get('/api/reports/ivo', only('ivo-rapportor', 'revisor'), () => '/api/reports/ivo?quarter=2027Q1'),
  get('/api/reports/statistik', only('revisor', 'ivo-rapportor'), () => '/api/reports/statistik?quarter=2027Q2'),
  post('/api/gallring', only(), () => ({ url: '/api/gallring', payload: { dryRun: true } })),

  get('/login', open),
  post('/login', open, async (fx, who): Promise<Attempt> => {
    if (who) return { url: '/login', form: { username: who, password: 'demo' } };
    const { cookie, csrf } = await fx.anonymous();
    return { url: '/login', headers: { cookie }, form: { _csrf: csrf, username: 'admin', password: 'demo' } };
  }),
  get('/', anyUser),
  get('/tasks/:id', only('enhetschef', 'revisor'), (fx) => `/tasks/${fx.taskId}`),
  post('/tasks/:id/assign', only('enhetschef'), async (fx) => ({ url: `/tasks/${(await fx.fresh()).taskId}/assign`, form: { assignee: '', followUp: '2027-02-01' } })),
  post('/inbox/:id/read', hidden('enhetschef'), (fx) => ({ url: `/inbox/${fx.bevakningId}/read`, form: {} })),
  post('/tasks/:id/claim', only('enhetschef'), async (fx) => ({ url: `/tasks/${(await fx.fresh()).taskId}/claim` })),
  post('/tasks/:id/unclaim', only('enhetschef'), async (fx) => ({ url: `/tasks/${(await fx.freshClaimed()).taskId}/unclaim` })),
  post('/tasks/:id/save', only('enhetschef'), async (fx) => ({ url: `/tasks/${(await fx.fresh()).taskId}/save`, form: answer })),
  post('/tasks/:id/complete', only('enhetschef'), async (fx) => ({ url: `/tasks/${(await fx.fresh()).taskId}/complete`, form: answer })),
  get('/processes/publish', only('processagare'), () => '/processes/publish'),
  post('/processes/publish', only('processagare'), () => ({ url: '/processes/publish', form: { diagram: webBeslutBpmn } })),
  get('/processes/:key/start', only('lss-handlaggare'), () => '/processes/web-beslut/start'),
  post('/processes/:key/start', only('lss-handlaggare'), (fx) => ({ url: '/processes/web-beslut/start', form: { businessKey: fx.unique(), ...decision } })),
  get('/processes', anyUser),
  get('/processes/:key/edit', only('processagare'), () => '/processes/web-beslut/edit'),
  get('/processes/new', only('processagare')),
  post('/processes/new', only('processagare'), () => ({ url: '/processes/new', form: { name: 'Prov av ny rutin', from: '' } })),
  get('/processes/new.bpmn', only('processagare'), () => '/processes/new.bpmn?name=Prov%20av%20ny%20rutin'),
  get('/api/editor/catalogue', only('processagare')),
  get('/api/editor/timer-words', only('processagare'), () => '/api/editor/timer-words?kind=timeDuration&value=P14D'),
  post('/api/editor/check', only('processagare'), () => ({ url: '/api/editor/check?key=web-beslut', headers: { 'content-type': 'application/xml' }, payload: webBeslutBpmn })),
  post('/api/editor/publish', only('processagare'), () => ({ url: '/api/editor/publish?key=web-beslut&base=1', headers: { 'content-type': 'application/xml' }, payload: webBeslutBpmn })),
  get('/processes/:key', anyUser, () => '/processes/web-beslut'),
  get('/processes/:key/versions/:version.bpmn', anyUser, () => '/processes/web-beslut/versions/1.bpmn'),
  get('/processes/:key/diff', anyUser, () => '/processes/web-beslut/diff?from=1&to=1'),
  get('/cases', anyUser),
  get('/cases/:id', inCase(beslutReaders, [...beslutReaders, 'revisor']), (fx) => `/cases/${fx.instanceId}`),
  post('/cases/:id/decision-events', inCase(beslutReaders, ['lss-handlaggare', 'enhetschef'], decisionEventRecorders), async (fx) => ({ url: `/cases/${(await fx.freshDecision()).instanceId}/decision-events`, form: { type: 'drojsmal', date: '2027-01-12', reason: 'Ingen ledig plats.' } })),
  get('/cases/:id/diagram.bpmn', inCase(beslutReaders, [...beslutReaders, 'revisor']), (fx) => `/cases/${fx.instanceId}/diagram.bpmn`),
  get('/cases/:id/history.csv', inCase(beslutReaders, [...beslutReaders, 'revisor']), (fx) => `/cases/${fx.instanceId}/history.csv`),
  post('/cases/:id/incidents/:incidentId/retry', inCase(incidentReaders, ['enhetschef']), async (fx) => {
    const { instanceId, incidentId, letApartment } = await fx.freshIncident();
    return { url: `/cases/${instanceId}/incidents/${incidentId}/retry`, form: { lagenhetId: letApartment } };
  }),
  get('/housing', anyUser),
  get('/housing/queue', only(...housingPersonReaders)),
  get('/housing/offers', anyUser),
  get('/housing/waitlist', only(...housingPersonReaders)),
  get('/reports/ivo', only('ivo-rapportor', 'revisor')),
  get('/reports/statistik', only('revisor', 'ivo-rapportor')),
  get('/statistics', only('boendeteam-chef', 'myndighetschef', 'verksamhetschef', 'enhetschef', 'revisor')),
  get('/audit/access-log', only('revisor')),
  get('/gallring', only()),
  post('/gallring', only(), () => ({ url: '/gallring', form: { confirm: 'ja' } })),
  post('/session/extend', anyUser, () => ({ url: '/session/extend' })),
  post('/logout', anyUser, () => ({ url: '/logout' })),
];
