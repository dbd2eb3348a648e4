// Every read of a case is logged: who read which instance, and what, without any of the case's content.
import type { FastifyBaseLogger } from 'fastify';

export type CaseReadKind = 'instance' | 'history';

export function logCaseRead(logger: FastifyBaseLogger, read: { user: string; instanceId: string; kind: CaseReadKind }): void {
  logger.info({ event: 'case.read', user: read.user, instanceId: read.instanceId, kind: read.kind }, 'ärende läst');
}
