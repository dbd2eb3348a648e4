// User tasks: the open tasks the caller may see, claim, reassign (chefs) and complete.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { IdSchema, parseInput, VariablesSchema } from '../shared/parse-input.js';
import { presentTask } from '../shared/present.js';
import type { RouteOptions } from '../shared/route-options.js';

const ListQuerySchema = z.object({
  instanceId: IdSchema.optional(),
  group: IdSchema.optional(),
  assignee: z.string().min(1).max(200).optional(),
});

const IdParamsSchema = z.object({ id: IdSchema });
const CompleteBodySchema = z.object({ variables: VariablesSchema.default({}) }).strict();
const AssignBodySchema = z
  .object({ assignee: z.string().min(1).max(200).nullable(), followUp: z.string().max(10).nullable().optional() })
  .strict();

/** `/api/tasks…`; who may claim or complete is decided by the runtime (candidate groups, assignee). */
export const taskRoutes: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/api/tasks', async (request) => {
    const filter = parseInput(ListQuerySchema, request.query, 'query');
    return runtime.listTasks(filter, actorOf(request)).map(presentTask);
  });

  app.post('/api/tasks/:id/claim', async (request) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    await runtime.claimTask(id, actorOf(request));
    return {};
  });

  app.post('/api/tasks/:id/assign', async (request) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const { assignee, followUp } = parseInput(AssignBodySchema, request.body ?? {}, 'body');
    await runtime.assignTask(id, followUp === undefined ? { assignee } : { assignee, followUp }, actorOf(request));
    return {};
  });

  app.post('/api/tasks/:id/complete', async (request) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const { variables } = parseInput(CompleteBodySchema, request.body ?? {}, 'body');
    await runtime.completeTask(id, variables, actorOf(request));
    return {};
  });
};
