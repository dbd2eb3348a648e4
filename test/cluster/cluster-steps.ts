// Steps the two-server tests share: start a case, find its open tasks, read its history, on a given server.
import type { Cluster, ClusterServer } from './cluster-kit.js';

export interface OpenTask {
  id: string;
  instanceId: string;
  elementId: string;
}

export interface HistoryEntry {
  type: string;
  elementId: string;
}

/** Starts a case of a cluster fixture as a user of its starter group and returns its id. */
export async function startCase(cluster: Cluster, server: ClusterServer, processKey: 'kluster-arende' | 'kluster-timer', businessKey: string): Promise<string> {
  return startAs(cluster, server, 'lss-handlaggare', processKey, businessKey, {});
}

/** Starts a case of `processKey` as `user` with start form `variables`; its id, or an error with the answer. */
export async function startAs(cluster: Cluster, server: ClusterServer, user: string, processKey: string, businessKey: string, variables: Record<string, unknown>): Promise<string> {
  const started = await cluster.call<{ id: string }>(server, user, 'POST', `/api/processes/${processKey}/instances`, { businessKey, variables });
  if (started.status !== 201) throw new Error(`start on ${server.name} answered ${started.status}: ${JSON.stringify(started.body)}`);
  return started.body.id;
}

/** The open tasks of a case as `user` (by default enhetschef, the fixtures' candidate group) sees them on `server`. */
export async function openTasks(cluster: Cluster, server: ClusterServer, instanceId: string, user = 'enhetschef'): Promise<OpenTask[]> {
  const answer = await cluster.call<OpenTask[]>(server, user, 'GET', `/api/tasks?instanceId=${instanceId}`);
  if (answer.status !== 200) throw new Error(`tasks on ${server.name} answered ${answer.status}`);
  return answer.body.map(({ id, instanceId: of, elementId }) => ({ id, instanceId: of, elementId }));
}

/** Every step of a case, as the auditor reads it on `server`. */
export async function historyOf(cluster: Cluster, server: ClusterServer, instanceId: string): Promise<HistoryEntry[]> {
  const answer = await cluster.call<HistoryEntry[]>(server, 'revisor', 'GET', `/api/instances/${instanceId}/history`);
  if (answer.status !== 200) throw new Error(`history on ${server.name} answered ${answer.status}`);
  return answer.body.map(({ type, elementId }) => ({ type, elementId }));
}

/** The case's state and the elements it is at, on `server`. */
export async function caseOn(cluster: Cluster, server: ClusterServer, instanceId: string): Promise<{ state: string; active: string[] }> {
  const answer = await cluster.call<{ state: string; active: { elementId: string }[] }>(server, 'admin', 'GET', `/api/instances/${instanceId}`);
  if (answer.status !== 200) throw new Error(`case on ${server.name} answered ${answer.status}`);
  return { state: answer.body.state, active: answer.body.active.map((a) => a.elementId) };
}

/** Completes a task as enhetschef; the status only (200, 409, …). */
export async function complete(cluster: Cluster, server: ClusterServer, taskId: string): Promise<number> {
  return (await cluster.call(server, 'enhetschef', 'POST', `/api/tasks/${taskId}/complete`, { variables: {} })).status;
}

/** How many entries of `type` at `elementId` a history holds. */
export function count(history: HistoryEntry[], type: string, elementId: string): number {
  return history.filter((entry) => entry.type === type && entry.elementId === elementId).length;
}

/** An apartment of the register as the boendesamordnare sees it on `server` (with the queue place holding it). */
export async function apartmentOn(cluster: Cluster, server: ClusterServer, apartmentId: string): Promise<{ status: string; queueEntryId: string | null } | undefined> {
  const answer = await cluster.call<{ id: string; status: string; queueEntryId: string | null }[]>(server, 'boendesamordnare', 'GET', '/api/housing/apartments');
  return answer.body.find((apartment) => apartment.id === apartmentId);
}

/** Completes the case's open tasks on `server` one by one until it has none; the statuses of the completions. */
export async function completeAll(cluster: Cluster, server: ClusterServer, id: string): Promise<number[]> {
  const statuses: number[] = [];
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const [task] = await openTasks(cluster, server, id);
    if (!task) {
      if ((await caseOn(cluster, server, id)).state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    statuses.push(await complete(cluster, server, task.id));
  }
  return statuses;
}
