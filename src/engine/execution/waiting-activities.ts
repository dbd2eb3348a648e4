// What an instance waits at, with the steps inside a running sub-process in place of the sub-process itself, and each
// open item of a multi-instance task in place of the task.
import type { WaitingActivity } from './task-records.js';

/** The part of bpmn-elements' activity api we read; a sub-process's api lists its own waiting children. */
export interface PostponedApi extends WaitingActivity {
  getPostponed?(): PostponedApi[];
  content?: Record<string, unknown>;
  owner?: {
    environment?: { variables?: Record<string, unknown> };
    isMultiInstance?: boolean;
    behaviour?: unknown;
    execution?: { getPostponed(): PostponedApi[] } | null;
  };
}

/**
 * The waiting activities, depth first. A sub-process waits only because a step inside it does, so its children are
 * the positions (their tasks are opened, their timers are shown); the sub-process stays out, as its boundary events do.
 */
export function waitingActivities(postponed: readonly PostponedApi[]): WaitingActivity[] {
  return waitingApis(postponed).map((api) => ({ id: api.id, type: api.type, executionId: api.executionId, ...loopItemOf(api) }));
}

/**
 * The variables objects the waiting steps read. bpmn-elements runs a sub-process on a copy of the process's variables
 * taken when it starts (Environment.clone), so a value set by a step inside (a form, a handler's result) or given from
 * outside (a message, a retry) must be written to every copy and the process's own, or the others never see it.
 */
export function waitingVariables(postponed: readonly PostponedApi[]): Record<string, unknown>[] {
  const scopes = waitingApis(postponed).map((api) => api.owner?.environment?.variables);
  return [...new Set(scopes.filter((v): v is Record<string, unknown> => !!v))];
}

/** The variables object the waiting step with this execution id reads (its sub-process's copy, or the process's). */
export function waitingScope(postponed: readonly PostponedApi[], executionId: string): Record<string, unknown> | undefined {
  return waitingApis(postponed).find((api) => api.executionId === executionId)?.owner?.environment?.variables;
}

function waitingApis(postponed: readonly PostponedApi[], inside: string | null = null): PostponedApi[] {
  const out: PostponedApi[] = [];
  for (const api of postponed) {
    // A sub-process's own execution lists the sub-process among its postponed; it is not a step inside it.
    if (api.id === inside) continue;
    if (api.type === 'bpmn:SubProcess' && api.getPostponed) out.push(...waitingApis(api.getPostponed(), api.id));
    else if (api.owner?.isMultiInstance) out.push(...iterationsOf(api));
    else out.push(api);
  }
  return out;
}

/**
 * A multi-instance task waits at each open item (bpmn-elements' iterations, `<executionId>_<index>`); the step's own
 * execution only holds them, like a sub-process its steps, and is no position.
 */
function iterationsOf(api: PostponedApi): PostponedApi[] {
  return (api.owner?.execution?.getPostponed() ?? []).filter((child) => child.executionId !== api.executionId);
}

/** Which item of the list a waiting iteration works on: its place, the list's length and the item itself. */
export function loopItemOf(api: PostponedApi): Pick<WaitingActivity, 'loop'> {
  const content = api.content;
  if (!api.owner?.isMultiInstance || typeof content?.index !== 'number') return {};
  const loopBehaviour = (api.owner.behaviour as { loopCharacteristics?: { behaviour?: { elementVariable?: unknown } } } | undefined)?.loopCharacteristics?.behaviour;
  const name = typeof loopBehaviour?.elementVariable === 'string' && loopBehaviour.elementVariable ? loopBehaviour.elementVariable : 'item';
  const count = typeof content.loopCardinality === 'number' ? content.loopCardinality : content.index + 1;
  return { loop: { index: content.index, count, item: content[name] } };
}
