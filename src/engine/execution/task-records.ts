// Builds the task index entries of an instance from what the engine has waiting, keeping claims across transitions.
import { evaluateFeel } from '../../expressions/index.js';
import type { TaskRecord } from '../records/index.js';
import { addDuration, type Clock, parseDateOrDateTime } from '../../timers/index.js';
import type { ProcessModel, UserTaskModel } from '../definitions/process-model.js';
import { itemOfTask, type LoopItem } from './multi-instance-items.js';

export interface WaitingActivity {
  id: string;
  type: string;
  executionId: string;
  /** For one item of a multi-instance task: its place in the list (from 0), the list's length and the item. */
  loop?: LoopItem;
}

export function taskRecords(
  waiting: WaitingActivity[],
  previous: ReadonlyMap<string, TaskRecord>,
  instance: { id: string; processKey: string },
  model: ProcessModel,
  clock: Clock,
  variables: Record<string, unknown>,
): TaskRecord[] {
  const out: TaskRecord[] = [];
  for (const api of waiting) {
    if (api.type !== 'bpmn:UserTask') continue;
    const known = previous.get(api.executionId);
    if (known) {
      out.push(known);
      continue;
    }
    const spec = model.userTasks.get(api.id);
    const now = clock.now();
    const name = model.elements.get(api.id)?.name ?? api.id;
    // An item's task reads its item under the loop's name, e.g. camunda:assignee="=barn.handlaggare".
    const scope = api.loop && spec?.loop ? { ...variables, [spec.loop.elementVariable]: api.loop.item } : variables;
    out.push({
      id: `${instance.id}.${api.executionId}`,
      instanceId: instance.id,
      processKey: instance.processKey,
      elementId: api.id,
      executionId: api.executionId,
      name,
      candidateGroups: spec?.candidateGroups ?? [],
      ...(spec?.candidateUsers.length ? { candidateUsers: spec.candidateUsers } : {}),
      assignee: spec ? resolveAssignee(spec, scope, now) : null,
      unit: spec ? resolveUnit(spec, scope, now) : null,
      createdAt: now.toISOString(),
      due: spec?.dueDate ? orNull(() => resolveDue(spec.dueDate!, scope, now)) : null,
      form: spec?.form ?? [],
      ...(api.loop ? itemOfTask(name, api.loop) : {}),
    });
  }
  return out;
}

function resolveAssignee(spec: UserTaskModel, variables: Record<string, unknown>, now: Date): string | null {
  if (!spec.assignee) return null;
  if (!spec.assignee.startsWith('=')) return spec.assignee;
  const value = orNull(() => evaluateFeel(spec.assignee!, variables, { now }));
  return typeof value === 'string' && value ? value : null;
}

function resolveUnit(spec: UserTaskModel, variables: Record<string, unknown>, now: Date): string | null {
  if (!spec.unit) return null;
  if (!spec.unit.startsWith('=')) return spec.unit;
  const value = orNull(() => evaluateFeel(spec.unit!, variables, { now }));
  return typeof value === 'string' && value ? value : null;
}

/** Data typed by people can make an expression yield nothing usable; the task then simply has no value for it. */
function orNull<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

/** `camunda:dueDate`: a date-time, a duration from the task's start, or FEEL yielding either. */
function resolveDue(dueDate: string, variables: Record<string, unknown>, now: Date): string | null {
  const value = dueDate.startsWith('=') ? evaluateFeel(dueDate, variables, { now }) : dueDate;
  if (typeof value !== 'string' || !value) return null;
  const due = value.startsWith('P') ? addDuration(now, value) : parseDateOrDateTime(value);
  return due.toISOString();
}
