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
 * from that one's record (`predecessorOf`), which the runtime marks handed on once the new child is stored.
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
  const others = otherCarriers(caller, header.id, child, cases);
  if (!others) return { decision: null, caseEvents: [] };
  return { decision: header, caseEvents: eventsBeforeHandover((predecessorAmong(others) ?? caller).caseEvents) };
}

/**
 * The other cases that carried the caller's handed-on decision, when the child may take it over; null when the
 * caller kept it or a running case carries it (the child then gets none: never two carriers).
 */
function otherCarriers(caller: InstanceSummary, decisionId: string, child: Pick<InstanceSummary, 'id'>, cases: Iterable<InstanceSummary>): InstanceSummary[] | null {
  if (!handedOn(caller.caseEvents)) return null;
  const others = [...cases].filter((s) => s.id !== caller.id && s.id !== child.id && s.decision?.id === decisionId);
  return others.some((s) => s.state === 'running' && !handedOn(s.caseEvents)) ? null : others;
}

/**
 * The ended case that carried the caller's handed-on decision last, when the child about to start must take it over
 * from there (null when none did, or when a running case carries it and the child gets none). The runtime marks it
 * handed on once the child is stored (call-handover.ts), so the register and the IVO report list it once, by the child.
 */
export function predecessorOf(caller: InstanceSummary, child: Pick<InstanceSummary, 'id'>, cases: Iterable<InstanceSummary>, callerProperties: Record<string, string>): InstanceSummary | null {
  const header = carriedDecision(caller, callerProperties);
  const others = header ? otherCarriers(caller, header.id, child, cases) : null;
  return others ? predecessorAmong(others) : null;
}

/**
 * The latest started of the ended cases that carried the decision (a running one that handed it on counts too); a
 * culled case is never one (it cannot be changed, and its events are gone).
 */
function predecessorAmong(others: InstanceSummary[]): InstanceSummary | null {
  const ended = others.filter((s) => !s.culled && (s.state !== 'running' || handedOn(s.caseEvents)));
  return ended.sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0] ?? null;
}
