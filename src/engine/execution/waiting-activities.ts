// What an instance waits at, with the steps inside a running sub-process in place of the sub-process itself.
import type { WaitingActivity } from './task-records.js';

/** The part of bpmn-elements' activity api we read; a sub-process's api lists its own waiting children. */
interface PostponedApi extends WaitingActivity {
  getPostponed?(): PostponedApi[];
}

/**
 * The waiting activities, depth first. A sub-process waits only because a step inside it does, so its children are
 * the positions (their tasks are opened, their timers are shown); the sub-process stays out, as its boundary events do.
 */
export function waitingActivities(postponed: readonly PostponedApi[], inside: string | null = null): WaitingActivity[] {
  const out: WaitingActivity[] = [];
  for (const api of postponed) {
    // A sub-process's own execution lists the sub-process among its postponed; it is not a step inside it.
    if (api.id === inside) continue;
    if (api.type === 'bpmn:SubProcess' && api.getPostponed) out.push(...waitingActivities(api.getPostponed(), api.id));
    else out.push({ id: api.id, type: api.type, executionId: api.executionId });
  }
  return out;
}
