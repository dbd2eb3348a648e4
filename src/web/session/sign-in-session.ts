// The session a sign-in makes, the same whichever way the person proved who they are (password or OpenID Connect): a
// new session with a new id, a working day long, and a task form kept from an ended sign-in restored as its draft.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/index.js';
import { AppError } from '../../errors.js';
import type { RuntimeApi } from '../../runtime/index.js';
import { signInSeconds } from '../plugins/session.js';
import { draftValues } from '../shared/form-post-model.js';
import { setNotice } from '../shared/notice-model.js';

/** Signs `actor` in on this request's session and returns where to send them (the page they wanted, or /). */
export type StartSession = (request: FastifyRequest, actor: Actor) => Promise<string>;

export function sessionStarter(runtime: RuntimeApi): StartSession {
  /** Saves a form kept from an ended sign-in as its task's draft; says on the task page what happened either way. */
  async function restoreDraft(pendingId: string | undefined, actor: Actor, request: FastifyRequest): Promise<void> {
    const draft = await runtime.takePendingDraft(pendingId, actor.username);
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

  return async (request, actor) => {
    const next = request.session.get('next') ?? '/';
    const pendingDraft = request.session.get('pendingDraft');
    // A new session at sign-in: nothing from before it (a planted cookie) carries over.
    request.session.regenerate();
    request.session.set('username', actor.username);
    request.session.set('sid', randomUUID());
    request.session.set('signedInUntil', Date.now() + signInSeconds * 1000);
    await restoreDraft(pendingDraft, actor, request);
    return next.startsWith('/') && !next.startsWith('//') ? next : '/';
  };
}
