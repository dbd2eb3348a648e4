// The case list: every case, filtered by process, state and a search for the case number or the person.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { readsMany } from '../plugins/case-read-audit.js';
import { IdSchema, parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';
import { caseListModel } from './case-list-model.js';
import { takeNotice } from '../shared/notice-model.js';

/** An empty field of the filter form means "any". */
const blankAsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const QuerySchema = z.object({
  process: z.preprocess(blankAsAbsent, IdSchema.optional()),
  state: z.preprocess(blankAsAbsent, z.enum(['running', 'completed', 'cancelled', 'failed']).optional()),
  q: z.preprocess(blankAsAbsent, z.string().trim().max(200).optional()),
});

/** `GET /cases`: the cases the signed-in user has a part in (reading one is logged on its own page). */
export const caseListPage: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/cases', async (request, reply) => {
    const filter = parseInput(QuerySchema, request.query, 'query');
    const actor = actorOf(request);
    const model = caseListModel(runtime, filter, actor);
    // The list shows persons' names: a read of every case on it, kept in the access log before it is sent.
    readsMany(request, filter.q ? 'search' : 'list', model.cases.map((c) => c.id));
    return reply.page('cases/list.hbs', { title: 'Ärenden', notice: takeNotice(request), ...model });
  });
};
