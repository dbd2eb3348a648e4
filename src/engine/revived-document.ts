// The document that takes up a case an earlier version stored as failed when one of its service tasks threw.
import type { HistoryEntry, InstanceDocument, InstanceSummary } from './records/index.js';
import type { Clock } from '../timers/index.js';
import type { ProcessModel } from './definitions/process-model.js';
import { failedServiceTask } from './execution/failed-service-task.js';
import { reviveFailedEngineState } from './execution/revive-failed-state.js';

/**
 * The failed case running its stopped step again, recorded as `instance.revived`; null when its history names no
 * service task that stopped it, or the stored state is not one we can revive.
 */
export function revivedDocument(doc: InstanceDocument, history: readonly HistoryEntry[], model: ProcessModel, clock: Clock): InstanceDocument | null {
  const stopped = failedServiceTask(history, model.serviceTasks);
  const engineState = stopped && reviveFailedEngineState(doc.engineState, stopped.elementId);
  if (!stopped || !engineState) return null;
  const entry: HistoryEntry = {
    seq: (doc.lastEntries.at(-1)?.seq ?? 0) + 1,
    at: clock.now().toISOString(),
    type: 'instance.revived',
    elementId: stopped.elementId,
    elementName: model.elements.get(stopped.elementId)?.name ?? stopped.elementId,
    actor: 'system',
    data: { message: stopped.message },
  };
  const summary: InstanceSummary = { ...doc.summary, state: 'running', endedAt: null, rev: doc.summary.rev + 1 };
  return { summary, engineState, lastEntries: [entry] };
}
