// Starting a case from the web: the process's start form with a case number, for the roles allowed to start it.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ProcessDetail } from '../../runtime/index.js';
import { AppError } from '../../errors.js';
import { validateSubmission } from '../../forms/index.js';
import { actorOf } from '../plugins/auth.js';
import { IdSchema, parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';
import { submittedValues, type Submitted } from '../shared/form-post-model.js';
import { setNotice } from '../shared/notice-model.js';
import { mayStart, processStartModel, startFields } from './process-start-model.js';

const ParamsSchema = z.object({ key: IdSchema });

/** `/processes/:key/start`: the form, and the post that starts the case and redirects to its page. */
export const processPages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  const render = (reply: FastifyReply, process: ProcessDetail, submitted?: Submitted) => {
    const title = submitted ? `Fel: Starta ${process.name}` : `Starta ${process.name}`;
    return reply.page('processes/start.hbs', { title, scripts: ['/assets/app/searchable-select.js'], ...processStartModel(process, submitted) }, submitted ? 400 : 200);
  };

  const startable = (request: FastifyRequest) => {
    const { key } = parseInput(ParamsSchema, request.params, 'params');
    const actor = actorOf(request);
    const process = runtime.getProcess(key);
    if (!mayStart(actor, process)) throw new AppError('forbidden', 'Din roll får inte starta den här processen.');
    return { process, actor };
  };

  app.get('/processes/:key/start', async (request, reply) => render(reply, startable(request).process));

  app.post('/processes/:key/start', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { process, actor } = startable(request);
    const submitted = submittedValues(request.body);
    const fields = startFields(process.startForm);
    const result = validateSubmission(fields, submitted, 'html');
    if (!result.ok) return render(reply, process, { values: submitted, errors: result.errors });
    const variables: Record<string, unknown> = { ...result.values };
    const ownField = process.startForm.some((f) => f.id === 'businessKey');
    const businessKey = ownField ? undefined : variables.businessKey;
    if (!ownField) delete variables.businessKey;
    let started: { id: string };
    try {
      started = await runtime.startInstance(process.key, { ...(typeof businessKey === 'string' ? { businessKey } : {}), variables }, actor);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return render(reply, process, { values: submitted, errors: error.fields ?? [] });
      throw error;
    }
    setNotice(request, `/cases/${started.id}`, `Ärendet är startat: ${process.name}.`);
    return reply.redirect(`/cases/${started.id}`, 303);
  });
};
