// Every read of a case is logged: who read which instance, and what, without any of the case's content.
import type { FastifyBaseLogger } from 'fastify';
import type { CaseReadKind } from '../../audit/index.js';

export type { CaseReadKind } from '../../audit/index.js';

/** The log line of one read; the durable record is `RuntimeApi.recordCaseRead` (see case-read-audit.ts). */
export function logCaseRead(logger: FastifyBaseLogger, read: { user: string; instanceId: string; kind: CaseReadKind }): void {
  logger.info({ event: 'case.read', user: read.user, instanceId: read.instanceId, kind: read.kind }, 'ärende läst');
}
