// The task page: read a task, claim it or give it back, save a draft, or complete it through its generated form.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TaskView } from '../../runtime/index.js';
import { AppError } from '../../errors.js';
import { validateSubmission } from '../../forms/index.js';
import { actorOf } from '../plugins/auth.js';
import { IdSchema, parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';
import { draftValues, submittedValues, type Submitted } from '../shared/form-post-model.js';
import { setNotice, takeNotice } from '../shared/notice-model.js';
import { isReadOnly, taskActions } from '../../auth/index.js';
import { taskPageModel, type Refused } from './task-page-model.js';

const ParamsSchema = z.object({ id: IdSchema });
/** The reassignment form: an empty choice gives the task back to its groups, an empty date clears the follow-up. */
const AssignFormSchema = z.object({ assignee: z.string().max(200).optional(), followUp: z.string().max(10).optional(), _csrf: z.string().optional() }).strict();

/** `/tasks/:id` and its form posts; every post answers with a redirect, or the form again with status 400. */
export const taskPages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  const render = (request: FastifyRequest, reply: FastifyReply, task: TaskView, submitted?: Submitted, refused?: Refused) => {
    const model = taskPageModel(runtime, actorOf(request), task, submitted, refused);
    const failed = Boolean(submitted || refused);
    const title = failed ? `Fel: ${task.name}` : task.name;
    return reply.page('tasks/task.hbs', { title, notice: failed ? null : takeNotice(request), scripts: ['/assets/app/task-form.js', '/assets/app/searchable-select.js'], ...model }, failed ? 400 : 200);
  };

  /** The open task a post is about, after the checks every post shares: visible to the caller, who may change things. */
  const taskToChange = (request: FastifyRequest) => {
    const { id } = parseInput(ParamsSchema, request.params, 'params');
    const actor = actorOf(request);
    const task = runtime.getTask(id, actor);
    if (isReadOnly(actor)) throw new AppError('forbidden', 'Revisorer kan läsa men inte ändra något.');
    return { task, actor };
  };

  /** Saving and completing are checked before the values are, so that a refused caller never sees messages. */
  const workableTask = (request: FastifyRequest) => {
    const { task, actor } = taskToChange(request);
    const permissions = taskActions(actor, task);
    if (permissions.claimedByOther && !permissions.canWork) throw new AppError('task_claimed', `Uppgiften är tagen av ${task.assignee}.`);
    if (!permissions.canWork) throw new AppError('forbidden', 'Bara den roll som uppgiften gäller kan fylla i den.');
    return { task, actor };
  };

  app.get('/tasks/:id', async (request, reply) => {
    const { id } = parseInput(ParamsSchema, request.params, 'params');
    const actor = actorOf(request);
    const task = runtime.getTask(id, actor);
    // The page shows the case's values, so opening it is a read of the case.
    await runtime.recordCaseRead({ user: actor.username, instanceId: task.instanceId, kind: 'task' });
    return render(request, reply, task);
  });

  app.post('/tasks/:id/claim', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { task, actor } = taskToChange(request);
    await runtime.claimTask(task.id, actor);
    setNotice(request, taskPath(task), 'Du har tagit uppgiften.');
    return reply.redirect(taskPath(task), 303);
  });

  app.post('/tasks/:id/unclaim', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { task, actor } = taskToChange(request);
    await runtime.unclaimTask(task.id, actor);
    setNotice(request, taskPath(task), 'Uppgiften är tillbaka hos gruppen.');
    return reply.redirect(taskPath(task), 303);
  });

  app.post('/tasks/:id/assign', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { task, actor } = taskToChange(request);
    const { assignee, followUp } = parseInput(AssignFormSchema, request.body ?? {}, 'body');
    const assignment = { assignee: assignee || null, followUp: followUp || null };
    try {
      await runtime.assignTask(task.id, assignment, actor);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') {
        return render(request, reply, task, undefined, { assignee: assignment.assignee, followUp: followUp ?? '', errors: (error.fields ?? []).map((f) => f.message) });
      }
      throw error;
    }
    const to = assignment.assignee ? `Uppgiften är fördelad till ${assignment.assignee}.` : 'Uppgiften är tillbaka hos gruppen.';
    setNotice(request, taskPath(task), assignment.followUp ? `${to} Den följs upp ${assignment.followUp}.` : to);
    return reply.redirect(taskPath(task), 303);
  });

  /**
   * A page opened before the person signed in again (in another tab) sends the old session's CSRF token, which
   * @fastify/csrf-protection refuses by sending its error. For the task form that error is caught here: nothing is
   * done with the form, but what was typed becomes the task's draft and the page says why it was not sent. Every other
   * error, and anyone who may not save the task, goes on to the central handler.
   */
  app.setErrorHandler(async (error, request, reply) => {
    const code = (error as { code?: unknown }).code;
    const taskForm = request.method === 'POST' && /\/(complete|save)$/.test(request.routeOptions.url ?? '');
    if (!taskForm || (code !== 'FST_CSRF_INVALID_TOKEN' && code !== 'FST_CSRF_MISSING_SECRET')) throw error;
    const { task, actor } = workableTask(request);
    await runtime.saveTaskDraft(task.id, draftValues(task.form, submittedValues(request.body)), actor);
    setNotice(request, taskPath(task), 'Formuläret skickades inte: sidan hade blivit inaktuell, till exempel för att du loggade in på nytt i en annan flik. Det du skrev är sparat som utkast – kontrollera och skicka igen.');
    return reply.redirect(taskPath(task), 303);
  });

  app.post('/tasks/:id/save', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { task, actor } = workableTask(request);
    const submitted = submittedValues(request.body);
    try {
      await runtime.saveTaskDraft(task.id, draftValues(task.form, submitted), actor);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return render(request, reply, task, { values: submitted, errors: error.fields ?? [] });
      throw error;
    }
    setNotice(request, taskPath(task), 'Utkastet är sparat. Du kan fortsätta senare.');
    return reply.redirect(taskPath(task), 303);
  });

  app.post('/tasks/:id/complete', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { task, actor } = workableTask(request);
    const submitted = submittedValues(request.body);
    const result = validateSubmission(task.form, submitted, 'html');
    if (!result.ok) return render(request, reply, task, { values: submitted, errors: result.errors });
    try {
      await runtime.completeTask(task.id, result.values, actor);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return render(request, reply, task, { values: submitted, errors: error.fields ?? [] });
      throw error;
    }
    setNotice(request, '/', `Uppgiften ”${task.name}” är slutförd.`);
    return reply.redirect('/', 303);
  });
};

/** Task ids hold only characters that may stand in a path as they are (IdSchema). */
function taskPath(task: TaskView): string {
  return `/tasks/${task.id}`;
}
