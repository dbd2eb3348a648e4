// The decisions register: every favourable decision with its status, and the events a person records on one
// (interrupted, resumed, a reason for delay, closed). See API.md "Decisions".
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { decisionEventRecorders, hasRole, ivoReportReaders } from '../../auth/index.js';
import { decisionLaws, decisionStatuses } from '../../decisions/index.js';
import type { Decision } from '../../runtime/index.js';
import { actorOf, requireRole } from '../plugins/auth.js';
import { DecisionEventSchema } from '../shared/decision-event-schema.js';
import { IdSchema, parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';

const ListQuerySchema = z.object({
  status: z.enum(decisionStatuses).optional(),
  law: z.enum(decisionLaws).optional(),
  processKey: IdSchema.optional(),
});

const IdParamsSchema = z.object({ id: IdSchema });

/** `/api/decisions…`. */
export const decisionRoutes: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/api/decisions', async (request) => {
    const filter = parseInput(ListQuerySchema, request.query, 'query');
    const actor = actorOf(request);
    // The IVO-rapportör reports every decision; anyone else sees the decisions of the cases they have a part in.
    const all = hasRole(actor, ivoReportReaders);
    return runtime.listDecisions(filter).filter((d) => all || runtime.mayReadCase(d.instanceId, actor)).map(presentDecision);
  });

  app.post('/api/decisions/:id/events', { onRequest: requireRole(...decisionEventRecorders) }, async (request, reply) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const input = parseInput(DecisionEventSchema, request.body, 'body');
    const actor = actorOf(request);
    const target = runtime.listDecisions({}).find((d) => d.id === id);
    if (target) runtime.assertCanReadCase(target.instanceId, actor);
    const decision = await runtime.recordDecisionEvent(id, input, actor);
    return reply.code(201).send(presentDecision(decision));
  });
};

/** Exactly the fields of the contract. */
function presentDecision(d: Decision) {
  return {
    id: d.id,
    instanceId: d.instanceId,
    processKey: d.processKey,
    person: d.person,
    kon: d.kon,
    law: d.law,
    insats: d.insats,
    beslutsdatum: d.beslutsdatum,
    status: d.status,
    verkstalltDatum: d.verkstalltDatum,
    events: d.events.map((e) => ({ type: e.type, date: e.date, reason: e.reason, actor: e.actor ?? null, at: e.at })),
  };
}
