// Which decision a child case of a call activity carries: the legal record stays one, whichever case carries it.
import { randomUUID } from 'node:crypto';
import { carriedDecision, decisionHeaderFor, eventsBeforeHandover, handedOn, type CaseEvent, type DecisionHeader } from '../decisions/index.js';
import type { InstanceSummary } from '../engine/index.js';

/**
 * The child continues the caller's decision when a step before the call handed it on (ärendehändelsen överlämnad) and
 * no running case carries it: the same id and what happened to it so far. A caller that carries a decision and kept it
 * leaves the child none, so there are never two; a caller without one lets the child's start make its own, as any start.
 * What the caller records on the decision after the hand-over stays in the caller; the register and the reports read it
 * into the child's record (`readAcrossCases`), so a child started late (Försök igen) copies only what came before.
 * A child started again after an earlier one ended (stopped by an error, ended early, or at an error end event) goes on
 * from that one's record (`predecessorOf`), which the runtime marks handed on first so that only one case lists it.
 */
export function childDecision(
  caller: InstanceSummary,
  child: Pick<InstanceSummary, 'id' | 'processKey' | 'variables'>,
  childProperties: Record<string, string>,
  cases: Iterable<InstanceSummary>,
  callerProperties: Record<string, string>,
): { decision: DecisionHeader | null; caseEvents: CaseEvent[] } {
  const header = carriedDecision(caller, callerProperties);
  if (!header) return { decision: decisionHeaderFor(randomUUID(), child.processKey, child.variables, childProperties), caseEvents: [] };
  if (!handedOn(caller.caseEvents)) return { decision: null, caseEvents: [] };
  const others = [...cases].filter((s) => s.id !== caller.id && s.id !== child.id && s.decision?.id === header.id);
  if (others.some((s) => s.state === 'running' && !handedOn(s.caseEvents))) return { decision: null, caseEvents: [] };
  const before = predecessorAmong(others);
  return { decision: header, caseEvents: eventsBeforeHandover((before ?? caller).caseEvents) };
}

/**
 * The ended case that carried the caller's handed-on decision last, when the child about to start must take it over
 * from there (null when none did, or when a running case carries it and the child gets none). The runtime marks it
 * handed on before the child is stored, so the register and the IVO report list the decision once, by the child.
 */
export function predecessorOf(caller: InstanceSummary, child: Pick<InstanceSummary, 'id'>, cases: Iterable<InstanceSummary>, callerProperties: Record<string, string>): InstanceSummary | null {
  const header = carriedDecision(caller, callerProperties);
  if (!header || !handedOn(caller.caseEvents)) return null;
  const others = [...cases].filter((s) => s.id !== caller.id && s.id !== child.id && s.decision?.id === header.id);
  if (others.some((s) => s.state === 'running' && !handedOn(s.caseEvents))) return null;
  return predecessorAmong(others);
}

/** The latest started of the ended cases that carried the decision (a running one that handed it on counts too). */
function predecessorAmong(others: InstanceSummary[]): InstanceSummary | null {
  return others.filter((s) => s.state !== 'running' || handedOn(s.caseEvents)).sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0] ?? null;
}
