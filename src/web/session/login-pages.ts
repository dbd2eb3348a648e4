// Sign in and sign out: with the local users' passwords, and with the organisation's OpenID Connect provider when one is
// configured (oidc-sign-in.ts). Failed password sign-ins are limited per address and user name (sign-in-limit.ts). A
// task form sent after the sign-in ran out comes back as the task's draft when the same person signs in again
// (sign-in-session.ts); "stay signed in" starts another working day.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { UserDirectory } from '../../auth/index.js';
import type { RuntimeApi } from '../../runtime/index.js';
import { sessionUsername, signInSeconds } from '../plugins/session.js';
import { afterSignOut, finishOidcSignIn, isOidcCallback, type OidcSignIn, startOidcSignIn } from './oidc-sign-in.js';
import { sessionStarter } from './sign-in-session.js';

export interface LoginOptions extends Record<string, unknown> {
  users: UserDirectory;
  runtime: RuntimeApi;
  /** Sign-in with OpenID Connect besides the password; absent when not configured. */
  oidc?: OidcSignIn;
}

const LoginSchema = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200), _csrf: z.string().optional() });

const LoginQuerySchema = z.object({ utloggad: z.literal('1').optional(), med: z.literal('oidc').optional() });

export const loginPages: FastifyPluginAsync<LoginOptions> = async (app, { users, runtime, oidc }) => {
  const startSession = sessionStarter(runtime);
  const oidcLabel = oidc?.label ?? null;

  app.get('/login', async (request, reply) => {
    if (oidc && isOidcCallback(request.query)) return finishOidcSignIn(oidc, startSession, request, reply);
    if (sessionUsername(request)) return reply.redirect('/', 303);
    const { utloggad, med } = LoginQuerySchema.parse(request.query ?? {});
    if (oidc && med === 'oidc') return startOidcSignIn(oidc, request, reply);
    const expired = utloggad === '1' && request.session.get('pendingDraft') !== undefined;
    return reply.view('login.hbs', { title: 'Logga in', csrfToken: reply.generateCsrf(), expired, oidcLabel, user: null, navigation: [] });
  });

  // "Fortsätt vara inloggad" from the page's warning (public/session-timeout.js): another working day from now.
  app.post('/session/extend', { preHandler: app.csrfProtection }, async (request) => {
    const until = Date.now() + signInSeconds * 1000;
    request.session.set('signedInUntil', until);
    return { signedInUntil: new Date(until).toISOString(), remainingMs: signInSeconds * 1000 };
  });

  app.post('/login', { preHandler: app.csrfProtection }, async (request, reply) => {
    const parsed = LoginSchema.safeParse(request.body);
    // The same count as HTTP Basic's, per address and user name as it signs in (" admin " is admin): one office
    // behind one address is not locked out by one person's guessing.
    if (parsed.success) app.signInLimit.check(request.ip, parsed.data.username);
    const actor = parsed.success ? await users.authenticate(parsed.data.username, parsed.data.password) : null;
    if (!actor) {
      if (parsed.success) await app.signInLimit.failed(request.ip, parsed.data.username);
      request.log.info({ event: 'login.failed' }, 'inloggning misslyckades');
      const username = parsed.success ? parsed.data.username : '';
      return reply.code(401).view('login.hbs', { title: 'Logga in', csrfToken: reply.generateCsrf(), username, failed: true, oidcLabel, user: null, navigation: [] });
    }
    const next = await startSession(request, actor);
    request.log.info({ event: 'login', user: actor.username }, 'inloggad');
    return reply.redirect(next, 303);
  });

  app.post('/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    const sid = request.session.get('sid');
    const signedInWithOidc = request.session.get('signedInWithOidc') === true;
    if (sid) await app.revokedSessions.revoke(sid);
    request.session.delete();
    return reply.redirect(afterSignOut(oidc, signedInWithOidc), 303);
  });
};
