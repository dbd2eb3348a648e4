// Authentication of every /api route by HTTP Basic, the request's actor, and role checks for restricted endpoints.
import { createHmac, randomBytes } from 'node:crypto';
import basicAuth from '@fastify/basic-auth';
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { type Actor, hasRole, type Role, type SharedSignInFailures, type UserDirectory } from '../../auth/index.js';
import { AppError } from '../../errors.js';
import { sessionUsername } from './session.js';
import { SignInLimit } from './sign-in-limit.js';
import { sharedPlugin } from './shared-plugin.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Failed sign-ins per address and user name, shared by HTTP Basic and the sign-in form. */
    signInLimit: SignInLimit;
  }
  interface FastifyRequest {
    /** The signed-in user; set on every /api route, null elsewhere. */
    actor: Actor | null;
  }
}

export interface AuthOptions extends Record<string, unknown> {
  users: UserDirectory;
  /** How long a successful sign-in is remembered (default 5 minutes). */
  cacheTtlMs?: number;
  /** Several servers on one database: failed sign-ins counted by all of them. */
  sharedFailures?: SharedSignInFailures | null;
}

/** The `WWW-Authenticate` challenge sent with every 401. */
export const authRealm = 'Boendekoordination';

/**
 * Requires a user on every route whose path starts with `/api`, by HTTP Basic. argon2 is slow on purpose, so a
 * successful check is remembered for a few minutes under a keyed hash of the credentials; failures never are.
 */
export const authPlugin = sharedPlugin<AuthOptions>('auth', async (app, { users, cacheTtlMs = 5 * 60_000, sharedFailures }) => {
  const cache = new LRUCache<string, string>({ max: 1000, ttl: cacheTtlMs });
  // A per-process key: the cache never holds anything from which a password could be guessed offline.
  const cacheKey = randomBytes(32);
  const credentialsId = (username: string, password: string) =>
    createHmac('sha256', cacheKey).update(`${username}:${password}`).digest('base64url');

  app.decorateRequest('actor', null);
  app.decorate('signInLimit', new SignInLimit(sharedFailures ?? null));
  await app.register(basicAuth, {
    authenticate: { realm: authRealm },
    utf8: true,
    async validate(username, password, request) {
      const id = credentialsId(username, password);
      const remembered = cache.get(id);
      // Guessing is refused before the slow check, so a flood of wrong passwords costs the server next to nothing.
      if (remembered === undefined) app.signInLimit.check(request.ip, username);
      const actor = remembered !== undefined ? users.find(remembered) : await users.authenticate(username, password);
      if (!actor) {
        await app.signInLimit.failed(request.ip, username);
        throw new AppError('unauthorized', 'Fel användarnamn eller lösenord.');
      }
      if (remembered === undefined) cache.set(id, actor.username);
      request.actor = actor;
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (!isApiRoute(request)) return done();
    // The JSON API takes the session cookie of the pages too (API.md); a form-encoded body is never an API call.
    if (/^application\/x-www-form-urlencoded/.test(request.headers['content-type'] ?? '')) return done(new AppError('unsupported_media_type'));
    const username = sessionUsername(request);
    const actor = username ? users.find(username) : null;
    if (actor) {
      request.actor = actor;
      return done();
    }
    app.basicAuth(request, reply, done);
  });
});

/** Matched by the registered route pattern, not the raw URL, so an encoded path cannot slip past. */
function isApiRoute(request: FastifyRequest): boolean {
  const pattern = request.routeOptions.url;
  return pattern !== undefined && (pattern === '/api' || pattern.startsWith('/api/'));
}

/** The request's actor; throws 401 when there is none (a route outside /api asking for one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthorized');
  return request.actor;
}

/**
 * A route hook that answers 403 unless the actor holds one of the roles (or is admin). Use it as `onRequest`
 * so a refused caller's body is never read.
 */
export function requireRole(...roles: Role[]): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    if (!hasRole(actorOf(request), roles)) throw new AppError('forbidden');
  };
}
