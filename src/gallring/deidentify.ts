// What is left of a culled case: the de-identified stub statistics need (law, insats, kön, dates). Its history keeps
// steps, times and actors without values (the store rewrites it when it stores the stub).
import type { CaseEvent } from '../decisions/index.js';
import type { CulledMark, InstanceSummary } from '../engine/index.js';

/** The stub of an ended case: no variables, case number, bevakningar, messages or reasons; the decisions' facts kept. */
export function culledSummary(summary: InstanceSummary, culled: CulledMark): InstanceSummary {
  const withoutReason = (events: CaseEvent[]) => events.map((e) => ({ ...e, reason: null }));
  return {
    ...summary,
    businessKey: null,
    variables: {},
    active: [],
    tasks: [],
    timers: [],
    bevakningar: [],
    caseEvents: withoutReason(summary.caseEvents),
    decision: summary.decision ? { ...summary.decision, person: null } : summary.decision,
    earlierDecisions: summary.earlierDecisions?.map((d) => ({ decision: { ...d.decision, person: null }, caseEvents: withoutReason(d.caseEvents) })),
    outbox: [],
    incidents: [],
    // Kept on purpose: staff usernames, not the person's data, and they let a past holder still open the stub.
    ...(summary.taskHolders ? { taskHolders: summary.taskHolders } : {}),
    culled,
  };
}
