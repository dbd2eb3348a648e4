// Need to know at the door of every route about one case: someone without a part in it gets 404, exactly as for a case
// that does not exist, before anything of it is read or changed (the runtime's rule: case-access.ts there).
import type { FastifyRequest } from 'fastify';
import type { RuntimeApi } from '../../runtime/index.js';
import { sharedPlugin } from './shared-plugin.js';

/** The routes about one case, by their registered pattern; each takes the case's id as `:id`. */
export const caseScopedRoutes: ReadonlySet<string> = new Set([
  '/cases/:id',
  '/cases/:id/diagram.bpmn',
  '/cases/:id/history.csv',
  '/cases/:id/decision-events',
  '/cases/:id/incidents/:incidentId/retry',
  '/api/instances/:id',
  '/api/instances/:id/history',
  '/api/instances/:id/messages/:name',
  '/api/instances/:id/incidents/:incidentId/retry',
]);

export interface CaseAccessOptions extends Record<string, unknown> {
  runtime: RuntimeApi;
}

export const caseAccessPlugin = sharedPlugin<CaseAccessOptions>('case-access', async (app, { runtime }) => {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const pattern = request.routeOptions.url;
    if (pattern === undefined || !caseScopedRoutes.has(pattern) || !request.actor) return;
    const id = (request.params as { id?: unknown }).id;
    if (typeof id === 'string') runtime.assertCanReadCase(id, request.actor);
  });
});
