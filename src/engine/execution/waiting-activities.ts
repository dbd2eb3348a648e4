// What an instance waits at, with the steps inside a running sub-process in place of the sub-process itself.
import type { WaitingActivity } from './task-records.js';

/** The part of bpmn-elements' activity api we read; a sub-process's api lists its own waiting children. */
export interface PostponedApi extends WaitingActivity {
  getPostponed?(): PostponedApi[];
  owner?: { environment?: { variables?: Record<string, unknown> } };
}

/**
 * The waiting activities, depth first. A sub-process waits only because a step inside it does, so its children are
 * the positions (their tasks are opened, their timers are shown); the sub-process stays out, as its boundary events do.
 */
export function waitingActivities(postponed: readonly PostponedApi[]): WaitingActivity[] {
  return waitingApis(postponed).map((api) => ({ id: api.id, type: api.type, executionId: api.executionId }));
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

function waitingApis(postponed: readonly PostponedApi[], inside: string | null = null): PostponedApi[] {
  const out: PostponedApi[] = [];
  for (const api of postponed) {
    // A sub-process's own execution lists the sub-process among its postponed; it is not a step inside it.
    if (api.id === inside) continue;
    if (api.type === 'bpmn:SubProcess' && api.getPostponed) out.push(...waitingApis(api.getPostponed(), api.id));
    else out.push(api);
  }
  return out;
}
