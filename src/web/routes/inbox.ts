// The caller's inbox: bevakningar (watch messages) sent to the groups it belongs to.
import type { FastifyPluginAsync } from 'fastify';
import { actorOf } from '../plugins/auth.js';
import { presentBevakning } from '../present.js';
import type { RouteOptions } from './route-options.js';

/** `GET /api/inbox`. */
export const inboxRoutes: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/api/inbox', async (request) => runtime.listInbox(actorOf(request)).map(presentBevakning));
};
