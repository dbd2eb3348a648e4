// Sign-in with the organisation's OpenID Connect provider: the start sends the browser there with a new flow (state,
// nonce, PKCE verifier kept in the encrypted session), the callback checks what came back, maps the claims to roles and
// makes the same session as a password sign-in. Both answer on /login (?med=oidc, and the provider's ?code=…&state=…),
// because /login is the one page the sign-in gate (plugins/page-auth.ts) lets through without a session.
import '@fastify/secure-session';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OidcCallbackError, oidcUserFromClaims, type OidcClient, type OidcFlow, type OidcRefusal, type OidcRoleMap, type OidcUserDirectory } from '../../auth/index.js';
import type { StartSession } from './sign-in-session.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    /** The OIDC flow under way: what the provider's answer must match, and when it started (ms since the epoch). */
    oidcFlow: OidcFlow & { startedAt: number };
    /** Set when the person signed in at the provider: signing out here then signs out there too. */
    signedInWithOidc: true;
  }
}

/** What OIDC sign-in needs, built at boot (app.ts). */
export interface OidcSignIn {
  client: OidcClient;
  roleMap: OidcRoleMap;
  users: OidcUserDirectory;
  /** The button says "Logga in med <label>". */
  label: string;
  /** PUBLIC_URL's /login: the callback's address as the provider saw it, behind any proxy. */
  redirectUri: string;
}

/** A flow not finished within this time is refused: nobody takes ten minutes at the provider's sign-in page. */
const flowMs = 10 * 60 * 1000;

/** The provider's answer carries `state` and either `code` or `error` (RFC 6749 4.1.2). */
export function isOidcCallback(query: unknown): boolean {
  const q = (query ?? {}) as Record<string, unknown>;
  return typeof q.state === 'string' || typeof q.code === 'string' || typeof q.error === 'string';
}

/** GET /login?med=oidc: a new flow in the session, and off to the provider. */
export async function startOidcSignIn(oidc: OidcSignIn, request: FastifyRequest, reply: FastifyReply) {
  const { url, flow } = await oidc.client.begin();
  request.session.set('oidcFlow', { ...flow, startedAt: Date.now() });
  return reply.redirect(url, 303);
}

/** GET /login?code=…&state=…: signs the person in, or shows why not; a refused callback leaves no session behind. */
export async function finishOidcSignIn(oidc: OidcSignIn, startSession: StartSession, request: FastifyRequest, reply: FastifyReply) {
  const flow = request.session.get('oidcFlow');
  // A flow is used once, whatever the outcome: a replayed answer finds none.
  request.session.set('oidcFlow', undefined);
  if (!flow || Date.now() - flow.startedAt > flowMs) return refuse(request, reply, 'no_flow');
  let claims: Record<string, unknown>;
  try {
    claims = await oidc.client.finish(new URL(request.url, oidc.redirectUri), flow);
  } catch (error) {
    if (!(error instanceof OidcCallbackError)) throw error;
    return refuse(request, reply, error.kind === 'unreachable' ? 'unreachable' : 'answer', error.reason);
  }
  const outcome = oidcUserFromClaims(claims, oidc.roleMap, oidc.users.isLocal);
  if ('refused' in outcome) return refuse(request, reply, outcome.refused);
  await oidc.users.remember(outcome.user);
  const actor = oidc.users.find(outcome.user.username);
  if (!actor) return refuse(request, reply, 'local_name');
  const next = await startSession(request, actor);
  request.session.set('signedInWithOidc', true);
  // Roles, not the person: the sign-in is counted without saying who it was.
  request.log.info({ event: 'login', method: 'oidc', roles: actor.roles }, 'inloggad med OpenID Connect');
  return reply.redirect(next, 303);
}

type Refusal = OidcRefusal | 'no_flow' | 'answer' | 'unreachable';

/** Why a sign-in was refused, as the person reads it, and the status it is answered with. */
function refusalPage(refusal: Refusal): { status: number; heading: string; message: string } {
  switch (refusal) {
    case 'no_role':
      return { status: 403, heading: 'Du har ingen behörighet i Boendekoordination', message: 'Du loggade in, men ditt konto ger ingen roll här. Be din chef eller systemförvaltaren om tillgång.' };
    case 'local_name':
      return { status: 403, heading: 'Kontot kan inte användas här', message: 'Ditt användarnamn används redan av ett lokalt konto i Boendekoordination. Kontakta systemförvaltaren.' };
    case 'bad_username':
      return { status: 403, heading: 'Kontot kan inte användas här', message: 'Inloggningen gav inget användarnamn som går att använda här. Kontakta systemförvaltaren.' };
    case 'unreachable':
      return { status: 502, heading: 'Inloggningstjänsten svarar inte', message: 'Inloggningstjänsten svarade inte. Försök igen om en stund.' };
    case 'no_flow':
    case 'answer':
      return { status: 400, heading: 'Inloggningen kunde inte slutföras', message: 'Inloggningen avbröts, tog för lång tid eller kunde inte kontrolleras. Försök igen.' };
  }
}

/**
 * Where signing out sends the browser: the provider's end of session when the person signed in there, so that the next
 * person at the same computer cannot click "Logga in med …" and be let in as them; /login otherwise.
 */
export function afterSignOut(oidc: OidcSignIn | undefined, signedInWithOidc: boolean): string {
  return (signedInWithOidc && oidc?.client.endSessionUrl()) || '/login';
}

function refuse(request: FastifyRequest, reply: FastifyReply, refusal: Refusal, reason?: string) {
  request.log.info({ event: 'login.failed', method: 'oidc', refusal, ...(reason ? { reason } : {}) }, 'inloggning med OpenID Connect nekad');
  const page = refusalPage(refusal);
  return reply.code(page.status).view('login-refused.hbs', { title: 'Logga in', heading: page.heading, message: page.message, user: null, navigation: [] });
}
