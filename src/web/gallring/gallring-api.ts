// `POST /api/gallring` as API.md says: the ended cases whose retention has run out, culled unless `dryRun`.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { gallringRunners } from '../../auth/index.js';
import { actorOf, requireRole } from '../plugins/auth.js';
import { parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';

const BodySchema = z.object({ dryRun: z.boolean({ error: 'dryRun ska vara true eller false.' }).optional() }).strict();

export const gallringRoutes: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.post('/api/gallring', { onRequest: requireRole(...gallringRunners) }, async (request) => {
    const { dryRun } = parseInput(BodySchema, request.body ?? {}, 'body');
    const cases = dryRun ? runtime.gallringPreview() : await runtime.runGallring(actorOf(request));
    return { cases: cases.map(({ instanceId, processKey, endedAt, rule }) => ({ instanceId, processKey, endedAt, rule })) };
  });
};
