// The summary a transition stores: where the case stands now, with what its steps caused added to the stored one.
import type { Clock } from '../../timers/index.js';
import { startNewDecision } from '../../decisions/index.js';
import type { CallRecord, Incident, InstanceSummary, TaskRecord } from '../records/index.js';
import type { ProcessModel } from '../definitions/process-model.js';
import type { PendingTimer } from '../elements/durable-timers.js';
import { activePositions } from './active-positions.js';
import { taskRecords, type WaitingActivity } from './task-records.js';
import type { TransitionEffects } from './transition-effects.js';

/** What the session knows at the end of a transition. */
export interface TransitionResult {
  base: InstanceSummary;
  state: 'running' | 'completed' | 'failed';
  now: string;
  model: ProcessModel;
  clock: Clock;
  variables: Record<string, unknown>;
  /** What the engine waits at (nothing once the case ended). */
  waiting: WaitingActivity[];
  knownTasks: ReadonlyMap<string, TaskRecord>;
  timers: PendingTimer[];
  calls: CallRecord[];
  incidents: Incident[];
  effects: TransitionEffects;
  /** The received message ids to store; null keeps the stored ones. */
  receivedMessages: string[] | null;
}

export function nextSummary(r: TransitionResult): InstanceSummary {
  const { base, state, waiting, model } = r;
  const summary: InstanceSummary = {
    ...base,
    state,
    endedAt: state === 'running' ? null : r.now,
    rev: base.rev + 1,
    variables: r.variables,
    active: activePositions(waiting, model.elements),
    tasks: taskRecords(waiting, r.knownTasks, base, model, r.clock, r.variables),
    timers: state === 'running' ? r.timers.map((t) => ({ id: `${base.id}.${t.executionId}`, instanceId: base.id, elementId: t.elementId, executionId: t.executionId, dueAt: t.dueAt.toISOString() })) : [],
    bevakningar: [...base.bevakningar, ...r.effects.bevakningar],
    caseEvents: [...base.caseEvents, ...r.effects.caseEvents],
  };
  // An incident whose step is no longer waiting (an interrupting boundary event took the token away) is over.
  const incidents = r.incidents.filter((i) => waiting.some((w) => w.id === i.elementId));
  if (r.calls.length) summary.calls = r.calls;
  else delete summary.calls;
  if (incidents.length) summary.incidents = incidents;
  else delete summary.incidents;
  const started = r.effects.newDecision;
  const replaced = started && startNewDecision({ ...base, caseEvents: summary.caseEvents }, started.id, started.beslutsdatum, base.caseEvents.length + started.splitAt);
  if (replaced) Object.assign(summary, replaced);
  const outbox = [...(base.outbox ?? []), ...r.effects.outgoing];
  if (outbox.length) summary.outbox = outbox;
  else delete summary.outbox;
  if (r.receivedMessages) summary.receivedMessages = r.receivedMessages;
  return summary;
}
