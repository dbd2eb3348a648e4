// Sign in and sign out with the local users; sign-in attempts are rate limited per address and user name.
import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { UserDirectory } from '../../auth/index.js';
import { sessionUsername } from '../plugins/session.js';

export interface LoginOptions extends Record<string, unknown> {
  users: UserDirectory;
}

const LoginSchema = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200), _csrf: z.string().optional() });

export const loginPages: FastifyPluginAsync<LoginOptions> = async (app, { users }) => {
  await app.register(rateLimit, { global: false });

  app.get('/login', async (request, reply) => {
    if (sessionUsername(request)) return reply.redirect('/', 303);
    return reply.view('login.hbs', { title: 'Logga in', csrfToken: reply.generateCsrf(), user: null, navigation: [] });
  });

  app.post(
    '/login',
    {
      preHandler: app.csrfProtection,
      config: {
        rateLimit: {
          // After the body is parsed, so the key can hold the user name: one office behind one address is not locked out.
          hook: 'preHandler',
          max: 10,
          timeWindow: '15 minutes',
          keyGenerator: (request) => `${request.ip}:${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
          errorResponseBuilder: (_request, context) => ({
            statusCode: 429,
            error: 'rate_limited',
            message: `För många inloggningsförsök. Försök igen om ${Math.ceil(context.ttl / 60_000)} minuter.`,
          }),
        },
      },
    },
    async (request, reply) => {
      const parsed = LoginSchema.safeParse(request.body);
      const actor = parsed.success ? await users.authenticate(parsed.data.username, parsed.data.password) : null;
      if (!actor) {
        request.log.info({ event: 'login.failed' }, 'inloggning misslyckades');
        const username = parsed.success ? parsed.data.username : '';
        return reply.code(401).view('login.hbs', { title: 'Logga in', csrfToken: reply.generateCsrf(), username, failed: true, user: null, navigation: [] });
      }
      const next = request.session.get('next') ?? '/';
      // A new session at sign-in: nothing from before it (a planted cookie) carries over.
      request.session.regenerate();
      request.session.set('username', actor.username);
      request.session.set('sid', randomUUID());
      request.log.info({ event: 'login', user: actor.username }, 'inloggad');
      return reply.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/', 303);
    },
  );

  app.post('/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    const sid = request.session.get('sid');
    if (sid) app.revokedSessions.revoke(sid);
    request.session.delete();
    return reply.redirect('/login', 303);
  });
};
