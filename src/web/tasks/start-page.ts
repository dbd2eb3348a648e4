// The start page: my tasks, my groups' tasks (overdue first), the role's inbox and the processes it may start.
import type { FastifyPluginAsync } from 'fastify';
import { actorOf } from '../plugins/auth.js';
import type { RouteOptions } from '../shared/route-options.js';
import { takeNotice } from '../shared/notice-model.js';
import { startPageModel } from './start-page-model.js';

export const startPage: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/', async (request, reply) => {
    const actor = actorOf(request);
    return reply.page('tasks/start.hbs', { title: 'Mina uppgifter', notice: takeNotice(request), ...startPageModel(runtime, actor) });
  });
};
