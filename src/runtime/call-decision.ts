// Which decision a child case of a call activity carries: the legal record stays one, whichever case carries it.
import { randomUUID } from 'node:crypto';
import { carriedDecision, decisionHeaderFor, eventsBeforeHandover, handedOn, type CaseEvent, type DecisionHeader } from '../decisions/index.js';
import type { InstanceSummary } from '../engine/index.js';

/**
 * The child continues the caller's decision when a step before the call handed it on (ärendehändelsen överlämnad) and
 * no other case took it over: the same id and what happened to it so far. A caller that carries a decision and kept it
 * leaves the child none, so there are never two; a caller without one lets the child's start make its own, as any start.
 * What the caller records on the decision after the hand-over stays in the caller; the register and the reports read it
 * into the child's record (`readAcrossCases`), so a child started late (Försök igen) copies only what came before.
 */
export function childDecision(
  caller: InstanceSummary,
  child: Pick<InstanceSummary, 'processKey' | 'variables'>,
  childProperties: Record<string, string>,
  cases: Iterable<InstanceSummary>,
  callerProperties: Record<string, string>,
): { decision: DecisionHeader | null; caseEvents: CaseEvent[] } {
  const header = carriedDecision(caller, callerProperties);
  if (!header) return { decision: decisionHeaderFor(randomUUID(), child.processKey, child.variables, childProperties), caseEvents: [] };
  const taken = [...cases].some((s) => s.id !== caller.id && s.decision?.id === header.id);
  if (!handedOn(caller.caseEvents) || taken) return { decision: null, caseEvents: [] };
  return { decision: header, caseEvents: eventsBeforeHandover(caller.caseEvents) };
}
