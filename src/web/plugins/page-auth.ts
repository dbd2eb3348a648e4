// Pages need a signed-in user from the session: without one, a page redirects to the sign-in form and a post is refused,
// except a task form sent by someone whose sign-in ran out: that one is kept and comes back as a draft after sign-in.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserDirectory } from '../../auth/index.js';
import { submittedValues } from '../shared/form-post-model.js';
import { expiredSessionUsername, sessionUsername } from './session.js';
import { sharedPlugin } from './shared-plugin.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** A task form post whose sender's sign-in ran out: kept once its body is read, instead of being handled. */
    lateTaskPost?: { username: string; taskId: string };
  }
}

/** The task form posts whose values are worth keeping: completing and saving a draft. */
const taskFormPost = /^\/tasks\/([^/]+)\/(?:complete|save)$/;

export interface PageAuthOptions extends Record<string, unknown> {
  users: UserDirectory;
  /** Where a late task form is kept until its sender signs in again (stored, so a restart keeps it). */
  drafts: { keepPendingDraft(draft: { username: string; taskId: string; values: Record<string, unknown> }): Promise<string> };
}

/** Paths anyone may open: the sign-in form, static assets and the health check. */
const open = [/^\/login$/, /^\/assets\//, /^\/health$/];

export const pageAuthPlugin = sharedPlugin<PageAuthOptions>('page-auth', async (app, { users, drafts }) => {
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
    const lateSender = expiredSessionUsername(request);
    const taskId = request.method === 'POST' ? taskFormPost.exec(request.url.split('?')[0] ?? '')?.[1] : undefined;
    if (lateSender && users.find(lateSender) && taskId) {
      request.lateTaskPost = { username: lateSender, taskId: decodeURIComponent(taskId) };
      return;
    }
    return reply.code(401).view('errors/error.hbs', { title: 'Logga in', heading: 'Du är inte inloggad', message: 'Logga in och försök igen.', user: null, navigation: [] });
  });

  // The body is read by now: keep the late form for its sender and send them to sign in, with the task to come back to.
  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const late = request.lateTaskPost;
    if (!late) return;
    const values = Object.fromEntries(Object.entries(submittedValues(request.body)).filter(([key]) => key !== '_csrf'));
    request.session.set('pendingDraft', await drafts.keepPendingDraft({ ...late, values }));
    request.session.set('next', `/tasks/${encodeURIComponent(late.taskId)}`);
    return reply.redirect('/login?utloggad=1', 303);
  });
});
