// The start page: my tasks, my groups' tasks (filtered and sorted), a chef's team view, the role's bevakningar (read
// or unread, marked read here) and the processes it may start.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';
import { setNotice, takeNotice } from '../shared/notice-model.js';
import { startPageModel } from './start-page-model.js';
import { TaskListQuerySchema } from './task-list-filter.js';

const StartQuerySchema = TaskListQuerySchema.extend({ bevakningar: z.enum(['olasta', 'alla']).optional() }).strict();
const BevakningParamsSchema = z.object({ id: z.string().uuid({ error: 'Ogiltigt id för bevakningen.' }) });
/** Where to come back after marking a bevakning read: the start page, or the case it is about. */
const ReadFormSchema = z.object({ _csrf: z.string().optional(), oppna: z.literal('1').optional() }).strict();

export const startPage: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/', async (request, reply) => {
    const actor = actorOf(request);
    const { bevakningar, ...query } = parseInput(StartQuerySchema, request.query, 'query');
    return reply.page('tasks/start.hbs', { title: 'Mina uppgifter', notice: takeNotice(request), ...startPageModel(runtime, actor, query, bevakningar ?? 'alla') });
  });

  // "Markera som läst", and "Öppna ärendet", which marks it read on the way: the unread count shrinks as work is done.
  app.post('/inbox/:id/read', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { id } = parseInput(BevakningParamsSchema, request.params, 'params');
    const { oppna } = parseInput(ReadFormSchema, request.body ?? {}, 'body');
    const actor = actorOf(request);
    // The auditor changes nothing (the runtime refuses them); their page links straight to the case instead.
    const bevakning = runtime.getBevakning(id, actor);
    await runtime.markBevakningRead(id, actor);
    if (oppna) return reply.redirect(`/cases/${bevakning.instanceId}`, 303);
    setNotice(request, '/', 'Bevakningen är markerad som läst.');
    return reply.redirect('/', 303);
  });
};
