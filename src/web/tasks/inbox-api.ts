// The caller's inbox: bevakningar (watch messages) sent to the groups it belongs to.
import type { FastifyPluginAsync } from 'fastify';
import { actorOf } from '../plugins/auth.js';
import { z } from 'zod';
import { parseInput } from '../shared/parse-input.js';
import { presentBevakning, presentInstanceItem } from '../shared/present.js';
import type { RouteOptions } from '../shared/route-options.js';

const IdParamsSchema = z.object({ id: z.string().uuid({ error: 'Ogiltigt id för bevakningen.' }) });

/** `GET /api/inbox`, and (docs/housing-api.md) one bevakning with its case, and marking it read. */
export const inboxRoutes: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/api/inbox', async (request) => runtime.listInbox(actorOf(request)).map(presentBevakning));

  app.get('/api/inbox/:id', async (request) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const detail = runtime.getBevakning(id, actorOf(request));
    return { ...presentBevakning(detail), instance: { ...presentInstanceItem(detail.instance), active: detail.instance.active } };
  });

  app.post('/api/inbox/:id/read', async (request) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const actor = actorOf(request);
    await runtime.markBevakningRead(id, actor);
    return {};
  });
};
