// Makes every read of a case durable: a successful answer of a case-reading route is sent only once the read is stored.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RuntimeApi } from '../../runtime/index.js';
import { sharedPlugin } from './shared-plugin.js';
import type { CaseReadKind } from '../../audit/index.js';

/** The routes that read a case, by their registered pattern; each takes the instance id as `:id`. */
export const caseReadRoutes: Readonly<Record<string, CaseReadKind>> = {
  '/cases/:id': 'page',
  '/cases/:id/diagram.bpmn': 'diagram',
  '/cases/:id/history.csv': 'history',
  '/api/instances/:id': 'instance',
  '/api/instances/:id/history': 'history',
};

declare module 'fastify' {
  interface FastifyRequest {
    /** A read of many cases at once (a list, a search, the queue, a report): logged with the cases it shows. */
    bulkRead?: { kind: CaseReadKind; shown: string[] };
  }
}

/** Marks the request as a read of many cases; the read is stored before the answer leaves, like a case's. */
export function readsMany(request: FastifyRequest, kind: CaseReadKind, shown: readonly string[]): void {
  request.bulkRead = { kind, shown: [...shown] };
}

export interface CaseReadAuditOptions extends Record<string, unknown> {
  runtime: RuntimeApi;
}

/**
 * Registered on the root, so it covers the API's routes as well as the pages. It runs before the answer leaves:
 * when the read cannot be stored, the reader gets an error instead of the case (an unlogged read never happens).
 */
export const caseReadAuditPlugin = sharedPlugin<CaseReadAuditOptions>('case-read-audit', async (app, { runtime }) => {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    if (request.bulkRead && request.actor && reply.statusCode >= 200 && reply.statusCode < 300) {
      await runtime.recordCaseRead({ user: request.actor.username, instanceId: '', ...request.bulkRead });
      return payload;
    }
    const kind = readKindOf(request);
    if (!kind || reply.statusCode < 200 || reply.statusCode >= 300 || !request.actor) return payload;
    const instanceId = (request.params as { id?: unknown }).id;
    if (typeof instanceId !== 'string') return payload;
    await runtime.recordCaseRead({ user: request.actor.username, instanceId, kind });
    return payload;
  });
});

function readKindOf(request: FastifyRequest): CaseReadKind | undefined {
  if (request.method !== 'GET') return undefined;
  const pattern = request.routeOptions.url;
  return pattern !== undefined && Object.hasOwn(caseReadRoutes, pattern) ? caseReadRoutes[pattern] : undefined;
}
