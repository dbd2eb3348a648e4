// Shapes runtime results into exactly the JSON fields of API.md, so nothing internal leaks into the contract.
import type { Bevakning, CaseCalls, HistoryEntry, InstanceListItem, InstanceView, ProcessDetail, ProcessListItem, TaskView } from '../../runtime/index.js';
import type { FormField } from '../../forms/index.js';

/** A form field as the API shows it: `{id, label, type, required, values?}`. */
export function presentField(field: FormField) {
  const { id, label, type, required, values } = field;
  return values ? { id, label, type, required, values: values.map(({ id, name }) => ({ id, name })) } : { id, label, type, required };
}

/** One row of `GET /api/processes`. */
export function presentProcessItem(item: ProcessListItem) {
  const { key, name, version, deployedAt } = item;
  return { key, name, version, deployedAt };
}

/** `GET /api/processes/:key`. */
export function presentProcess(detail: ProcessDetail) {
  const { key, name, version, versions, startForm } = detail;
  return {
    key,
    name,
    version,
    versions: versions.map(({ version, deployedAt, deployedBy }) => ({ version, deployedAt, deployedBy })),
    startForm: startForm.map(presentField),
  };
}

/** One row of `GET /api/instances`. */
export function presentInstanceItem(item: InstanceListItem) {
  const { id, processKey, version, businessKey, state, startedAt, endedAt } = item;
  return { id, processKey, version, businessKey, state, startedAt, endedAt };
}

/** `GET /api/instances/:id`. */
export function presentInstance(view: InstanceView, calls: CaseCalls = { calledBy: null, children: [] }) {
  const { id, processKey, version, businessKey, state, variables, active, incidents, waitingFor, startedAt, endedAt } = view;
  return {
    id,
    processKey,
    version,
    businessKey,
    state,
    variables,
    active: active.map(({ elementId, name }) => ({ elementId, name })),
    waitingFor,
    incidents: incidents.map((i) => presentIncident({ ...i, processKey })),
    startedAt,
    endedAt,
    // Call activities: the case that started this one, and the cases it started.
    calledBy: calls.calledBy,
    children: calls.children,
  };
}

/** One step of `GET /api/instances/:id/history`. */
export function presentHistoryEntry(entry: HistoryEntry) {
  const { seq, at, type, elementId, elementName, actor, data } = entry;
  return { seq, at, type, elementId, elementName, actor, data };
}

/** One open task of `GET /api/tasks`. */
export function presentTask(task: TaskView) {
  const { id, instanceId, processKey, businessKey, brukare, elementId, name, candidateGroups, assignee, createdAt, due, followUp, form } = task;
  const presented = { id, instanceId, processKey, businessKey, brukare, elementId, name, candidateGroups, assignee, createdAt, due, followUp, form: form.map(presentField) };
  // An addition to the contract, only on a multi-instance task: which item of the step's list it is.
  return task.item ? { ...presented, item: task.item } : presented;
}

/** One watch message of `GET /api/inbox`. */
export function presentBevakning(item: Bevakning) {
  const { id, instanceId, group, subject, body, createdAt, readAt } = item;
  return { id, instanceId, group, subject, body, createdAt, readAt };
}

/** An open incident as the contract names it. */
export function presentIncident(i: { id: string; instanceId: string; processKey: string; elementId: string; name: string; message: string; at: string }) {
  const { id, instanceId, processKey, elementId, name, message, at } = i;
  return { id, instanceId, processKey, elementId, name, message, at };
}
