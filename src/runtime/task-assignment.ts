// Who may hand a task to someone else, and to whom: a chef of the task's process (or an admin) gives it to a user of
// its candidate groups, gives it back to the groups, or sets the day to look at it again (follow-up).
import { chefRoles, isReadOnly, permissions, type Actor } from '../auth/index.js';
import type { TaskRecord } from '../engine/index.js';
import { AppError } from '../errors.js';
import { isCalendarDate } from '../forms/index.js';

/** What a chef sends: the new assignee (null: back to the groups) and, when given, the follow-up day (null: none). */
export interface TaskAssignment {
  assignee: string | null;
  followUp?: string | null;
}

/** The users a runtime knows, for who may hold a task. */
export interface UserLookup {
  withRole(role: string): { username: string; name: string; units?: string[] }[];
}

export function assertCanAssign(actor: Actor, processRoles: readonly string[]): void {
  if (permissions.assignInProcess(actor, processRoles)) return;
  const chefs = chefRoles(processRoles);
  throw new AppError(
    'forbidden',
    isReadOnly(actor) ? 'Revisorer kan läsa men inte ändra något.' : `Uppgifter i processen fördelas av ${chefs.length ? chefs.join(', ') : 'en chef'} eller en administratör.`,
  );
}

/** The users who may hold the task: those of its candidate groups, by name, each once. */
export function assignableUsers(task: Pick<TaskRecord, 'candidateGroups' | 'unit'>, users: UserLookup): { username: string; name: string }[] {
  const byName = new Map<string, { username: string; name: string }>();
  for (const group of task.candidateGroups) {
    // A task addressed to a unit goes to that unit's people (or to someone tied to none).
    for (const user of users.withRole(group)) if (!task.unit || !user.units?.length || user.units.includes(task.unit)) byName.set(user.username, { username: user.username, name: user.name });
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** The assignment checked against the task: a user of its groups, a real day; validation_failed naming the field. */
export function checkAssignment(task: TaskRecord, assignment: TaskAssignment, users: UserLookup): void {
  const fields = [];
  if (assignment.assignee !== null && !assignableUsers(task, users).some((u) => u.username === assignment.assignee)) {
    fields.push({ field: 'assignee', message: `Välj en användare med någon av uppgiftens roller (${task.candidateGroups.join(', ')}).` });
  }
  if (typeof assignment.followUp === 'string' && !isCalendarDate(assignment.followUp)) {
    fields.push({ field: 'followUp', message: 'Ange ett datum (ÅÅÅÅ-MM-DD).' });
  }
  if (fields.length) throw new AppError('validation_failed', undefined, fields);
}

/** The task record after the assignment; a follow-up not sent is kept. */
export function assigned(task: TaskRecord, assignment: TaskAssignment): TaskRecord {
  const followUp = assignment.followUp === undefined ? (task.followUp ?? null) : assignment.followUp;
  return { ...task, assignee: assignment.assignee, followUp };
}
