// Pages need a signed-in user from the session: without one, a page redirects to the sign-in form and a post is refused.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserDirectory } from '../../auth/index.js';
import { sessionUsername } from './session.js';
import { sharedPlugin } from './shared-plugin.js';

export interface PageAuthOptions extends Record<string, unknown> {
  users: UserDirectory;
}

/** Paths anyone may open: the sign-in form, static assets and the health check. */
const open = [/^\/login$/, /^\/assets\//, /^\/health$/];

export const pageAuthPlugin = sharedPlugin<PageAuthOptions>('page-auth', async (app, { users }) => {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const pattern = request.routeOptions.url;
    if (pattern === undefined || pattern === '/api' || pattern.startsWith('/api/') || open.some((p) => p.test(pattern))) return;
    const username = sessionUsername(request);
    // Roles are read fresh on every request, so a changed role applies at once.
    const actor = username ? users.find(username) : null;
    if (actor) {
      request.actor = actor;
      return;
    }
    if (request.method === 'GET') {
      request.session.set('next', request.url.startsWith('/') && !request.url.startsWith('//') ? request.url : '/');
      return reply.redirect('/login', 303);
    }
    return reply.code(401).view('errors/error.hbs', { title: 'Logga in', heading: 'Du är inte inloggad', message: 'Logga in och försök igen.', user: null, navigation: [] });
  });
});
