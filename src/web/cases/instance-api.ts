// Process instances: list, read, history, delivering a BPMN message, and the incidents that wait for a retry.
import type { FastifyPluginAsync } from 'fastify';
import { logCaseRead } from '../plugins/case-read-log.js';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { readsMany } from '../plugins/case-read-audit.js';
import { IdSchema, parseInput, VariablesSchema } from '../shared/parse-input.js';
import { presentHistoryEntry, presentIncident, presentInstance, presentInstanceItem } from '../shared/present.js';
import type { RouteOptions } from '../shared/route-options.js';

const ListQuerySchema = z.object({
  processKey: IdSchema.optional(),
  state: z.enum(['running', 'completed', 'cancelled', 'failed']).optional(),
  businessKey: z.string().min(1).max(200).optional(),
  q: z.string().trim().max(200).optional(),
});

const IdParamsSchema = z.object({ id: IdSchema });
const MessageParamsSchema = z.object({ id: IdSchema, name: IdSchema });
const MessageBodySchema = z.object({ variables: VariablesSchema.default({}) }).strict();
const IncidentQuerySchema = z.object({ processKey: IdSchema.optional() }).strict();
const RetryParamsSchema = z.object({ id: IdSchema, incidentId: IdSchema });

/** `/api/instances…`. */
export const instanceRoutes: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/api/instances', async (request) => {
    const filter = parseInput(ListQuerySchema, request.query, 'query');
    const actor = actorOf(request);
    // Lists never show a case the caller has no part in (API.md "Access"); what they show is logged as read.
    const cases = runtime.listInstances(filter).filter((c) => runtime.mayReadCase(c.id, actor));
    readsMany(request, filter.q ? 'search' : 'list', cases.map((c) => c.id));
    return cases.map(presentInstanceItem);
  });

  app.get('/api/instances/:id', async (request) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const instance = presentInstance(runtime.getInstance(id), runtime.caseCalls(id));
    logCaseRead(request.log, { user: actorOf(request).username, instanceId: id, kind: 'instance' });
    return instance;
  });

  app.get('/api/instances/:id/history', async (request) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const history = (await runtime.getHistory(id)).map(presentHistoryEntry);
    logCaseRead(request.log, { user: actorOf(request).username, instanceId: id, kind: 'history' });
    return history;
  });

  app.get('/api/incidents', async (request) => {
    const filter = parseInput(IncidentQuerySchema, request.query, 'query');
    return runtime.listIncidents(filter, actorOf(request)).map(presentIncident);
  });

  // Who may retry is decided by the case's process (its roles), as for messages.
  app.post('/api/instances/:id/incidents/:incidentId/retry', async (request) => {
    const { id, incidentId } = parseInput(RetryParamsSchema, request.params, 'params');
    const { variables } = parseInput(MessageBodySchema, request.body ?? {}, 'body');
    await runtime.retryIncident(id, incidentId, variables, actorOf(request));
    return {};
  });

  // Who may send is decided by the case's process (its roles), so the runtime checks it once it knows the case.
  app.post(
    '/api/instances/:id/messages/:name',
    async (request, reply) => {
      const { id, name } = parseInput(MessageParamsSchema, request.params, 'params');
      const { variables } = parseInput(MessageBodySchema, request.body ?? {}, 'body');
      await runtime.deliverMessage(id, name, variables, actorOf(request));
      return reply.code(202).send({});
    },
  );
};
