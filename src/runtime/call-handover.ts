// A child case started again (Försök igen) takes the decision over from the child before it that ended: the ended one
// is recorded as handing it on, once the new child is stored, so the decision always has one carrier.
import { handedOn } from '../decisions/index.js';
import type { HistoryEntry, InstanceIndex, InstanceSummary, InstanceTransitions } from '../engine/index.js';
import { stockholmDay, type Clock } from '../timers/index.js';
import { predecessorOf } from './call-decision.js';

export interface DecisionTakeOverDeps {
  index: InstanceIndex;
  transitions: InstanceTransitions;
  clock: Clock;
}

const reason = 'Beslutet fortsätter i ett nytt anropat ärende (Försök igen).';

/**
 * Records `overlamnad` on the ended child the stored child `childId` took the caller's decision over from. Called
 * after the child is stored (a child that could not start leaves the decision where it was) and again after a restart,
 * so a crash in between is made good; once recorded, nothing more is done.
 */
export function createDecisionTakeOver({ index, transitions, clock }: DecisionTakeOverDeps) {
  return async function takeOver(caller: InstanceSummary, childId: string, callerProperties: Record<string, string>): Promise<void> {
    const child = index.get(childId);
    if (!child?.decision) return;
    const predecessor = predecessorOf(caller, child, index.all(), callerProperties);
    if (!predecessor || handedOn(predecessor.caseEvents) || predecessor.decision?.id !== child.decision.id) return;
    const now = clock.now();
    const event = { type: 'overlamnad' as const, date: stockholmDay(now), reason, at: now.toISOString() };
    await transitions.withoutEngine(predecessor.id, (s, nextSeq) => ({
      summary: { ...s, caseEvents: [...s.caseEvents, event] },
      entries: [handOverEntry(nextSeq, event.at, { decisionId: s.decision?.id ?? null, date: event.date, reason, childId })],
    }), { endedToo: true });
  };
}

function handOverEntry(seq: number, at: string, data: Record<string, unknown>): HistoryEntry {
  return { seq, at, type: 'case.overlamnad', elementId: null, elementName: null, actor: 'system', data };
}
