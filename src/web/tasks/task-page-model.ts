// What the task page shows: the task and its case, who may do what with it, and the form with its values.
import { isReadOnly, taskActions, type Actor } from '../../auth/index.js';
import type { RuntimeApi, TaskView } from '../../runtime/index.js';
import type { FormField } from '../../forms/index.js';
import type { Submitted } from '../shared/form-post-model.js';
import { formView } from '../shared/form-view-model.js';
import { answerRow } from '../shared/display-value.js';

/** What a chef's "Fördela uppgiften" form shows, or null for someone who may not reassign; `refused` when it came back. */
export interface AssignmentView {
  users: { value: string; label: string; selected: boolean }[];
  followUp: string;
  errors: string[];
}

function assignmentView(runtime: RuntimeApi, actor: Actor, task: TaskView, refused?: Refused): AssignmentView | null {
  const users = runtime.assignmentOptions(task.id, actor);
  if (!users) return null;
  const chosen = refused ? refused.assignee : task.assignee;
  return {
    users: users.map((u) => ({ value: u.username, label: `${u.name} – ${u.username}`, selected: u.username === chosen })),
    followUp: refused ? refused.followUp : (task.followUp ?? ''),
    errors: refused?.errors ?? [],
  };
}

/** A reassignment sent back with what was wrong, keeping what was chosen. */
export interface Refused {
  assignee: string | null;
  followUp: string;
  errors: string[];
}

/** The page's data; `submitted` when the form comes back with errors, `refused` when the reassignment does. */
export function taskPageModel(runtime: RuntimeApi, actor: Actor, task: TaskView, submitted?: Submitted, refused?: Refused) {
  const instance = runtime.getInstance(task.instanceId);
  const processName = runtime.listProcesses().find((p) => p.key === task.processKey)?.name ?? task.processKey;
  const permissions = taskActions(actor, task); // the runtime checks the same table again
  const values = formValues(task, instance.variables, submitted?.values);
  const decision = runtime.decisionOfCase(task.instanceId);
  const own = new Set(task.form.map((f) => f.id));
  return {
    task,
    // What the person doing the step needs beside the form: who it is about, the decision, what was answered before.
    person: decision?.person ?? task.brukare,
    beslutsdatum: decision?.beslutsdatum ?? null,
    answers: runtime.caseAnswers(task.instanceId).answers.filter((a) => !own.has(a.id)).map(answerRow),
    processName,
    caseLabel: instance.businessKey ?? 'Öppna ärendet',
    overdue: task.due !== null && task.due < runtime.clockNow().now,
    permissions,
    lockedReason: permissions.canWork ? null : lockedReason(actor, task),
    hasDraft: !submitted && task.draft !== undefined && Object.keys(task.draft).length > 0,
    form: formView(task.form, values, submitted?.errors ?? [], !permissions.canWork),
    assignment: assignmentView(runtime, actor, task, refused),
    followUpPassed: task.followUp !== null && task.followUp <= runtime.clockNow().now.slice(0, 10),
  };
}

/** Readonly fields show the case's variables; the others what was submitted, else the draft, the variable or the default. */
function formValues(task: TaskView, variables: Record<string, unknown>, submitted: Record<string, unknown> | undefined) {
  const values: Record<string, unknown> = {};
  const own = (from: Record<string, unknown> | undefined, field: FormField) => (from && Object.hasOwn(from, field.id) ? from[field.id] : undefined);
  for (const field of task.form) {
    if (submitted && !field.readonly) values[field.id] = own(submitted, field);
    else values[field.id] = own(field.readonly ? undefined : task.draft, field) ?? own(variables, field) ?? field.defaultValue;
  }
  return values;
}

function lockedReason(actor: Actor, task: TaskView): string {
  if (isReadOnly(actor)) return 'Du kan läsa uppgiften men inte ändra den.';
  if (task.assignee && task.assignee !== actor.username) return `Uppgiften är tagen av ${task.assignee}. Du kan läsa formuläret men inte fylla i det.`;
  return 'Uppgiften gäller inte dina roller.';
}
