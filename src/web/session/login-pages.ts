// Sign in and sign out with the local users; failed sign-ins are limited per address and user name (sign-in-limit.ts). A task form
// sent after the sign-in ran out comes back as the task's draft when the same person signs in again; "stay signed in"
// starts another working day.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Actor, UserDirectory } from '../../auth/index.js';
import { AppError } from '../../errors.js';
import type { RuntimeApi } from '../../runtime/index.js';
import { sessionUsername, signInSeconds } from '../plugins/session.js';
import { draftValues } from '../shared/form-post-model.js';
import { setNotice } from '../shared/notice-model.js';

export interface LoginOptions extends Record<string, unknown> {
  users: UserDirectory;
  runtime: RuntimeApi;
}

const LoginSchema = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200), _csrf: z.string().optional() });

const LoginQuerySchema = z.object({ utloggad: z.literal('1').optional() });

export const loginPages: FastifyPluginAsync<LoginOptions> = async (app, { users, runtime }) => {
  /** Saves a form kept from an ended sign-in as its task's draft; says on the task page what happened either way. */
  async function restoreDraft(pendingId: string | undefined, actor: Actor, request: import('fastify').FastifyRequest): Promise<void> {
    const draft = app.pendingDrafts.take(pendingId, actor.username);
    if (!draft) return;
    const path = `/tasks/${encodeURIComponent(draft.taskId)}`;
    try {
      const task = runtime.getTask(draft.taskId, actor);
      await runtime.saveTaskDraft(task.id, draftValues(task.form, draft.values), actor);
      setNotice(request, path, 'Du hann bli utloggad innan formuläret skickades. Det du skrev är sparat som utkast här – kontrollera och skicka igen.');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      setNotice(request, path, 'Du hann bli utloggad innan formuläret skickades, och uppgiften kan inte längre ta emot det du skrev (den är slutförd eller tagen av någon annan).');
    }
  }

  app.get('/login', async (request, reply) => {
    if (sessionUsername(request)) return reply.redirect('/', 303);
    const { utloggad } = LoginQuerySchema.parse(request.query ?? {});
    const expired = utloggad === '1' && request.session.get('pendingDraft') !== undefined;
    return reply.view('login.hbs', { title: 'Logga in', csrfToken: reply.generateCsrf(), expired, user: null, navigation: [] });
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
      if (parsed.success) app.signInLimit.failed(request.ip, parsed.data.username);
      request.log.info({ event: 'login.failed' }, 'inloggning misslyckades');
      const username = parsed.success ? parsed.data.username : '';
      return reply.code(401).view('login.hbs', { title: 'Logga in', csrfToken: reply.generateCsrf(), username, failed: true, user: null, navigation: [] });
    }
    const next = request.session.get('next') ?? '/';
    const pendingDraft = request.session.get('pendingDraft');
    // A new session at sign-in: nothing from before it (a planted cookie) carries over.
    request.session.regenerate();
    request.session.set('username', actor.username);
    request.session.set('sid', randomUUID());
    request.session.set('signedInUntil', Date.now() + signInSeconds * 1000);
    await restoreDraft(pendingDraft, actor, request);
    request.log.info({ event: 'login', user: actor.username }, 'inloggad');
    return reply.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/', 303);
  });

  app.post('/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    const sid = request.session.get('sid');
    if (sid) await app.revokedSessions.revoke(sid);
    request.session.delete();
    return reply.redirect('/login', 303);
  });
};
