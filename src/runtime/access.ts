// The runtime's refusals: each checks the permission table (auth/permissions.ts) and says in Swedish why not.
import { AppError } from '../errors.js';
import type { TaskRecord } from '../engine/index.js';
import { isReadOnly, permissions, taskActions, type Actor } from '../auth/index.js';

const readOnlyRefusal = 'Revisorer kan läsa men inte ändra något.';

export function assertCanClaim(actor: Actor, task: TaskRecord): void {
  if (permissions.claimTask(actor, task)) return;
  throw new AppError('forbidden', 'Bara den roll som uppgiften gäller kan ta den.');
}

export function assertCanUnclaim(actor: Actor, task: TaskRecord): void {
  if (permissions.unclaimTask(actor, task)) return;
  throw new AppError('forbidden', task.assignee ? 'Bara den som har tagit uppgiften kan lämna tillbaka den.' : 'Bara den roll som uppgiften gäller kan lämna tillbaka den.');
}

export function assertCanComplete(actor: Actor, task: TaskRecord): void {
  if (!permissions.workOnTask(actor, task)) throw new AppError('forbidden', 'Bara den roll som uppgiften gäller kan slutföra den.');
  if (!taskActions(actor, task).canWork) throw new AppError('task_claimed', `Uppgiften är tagen av ${task.assignee}.`);
}

export function assertCanStart(actor: Actor, starterGroups: readonly string[]): void {
  if (permissions.startProcess(actor, starterGroups)) return;
  throw new AppError('forbidden', isReadOnly(actor) ? 'Revisorer kan läsa men inte starta ärenden.' : `Processen kan bara startas av: ${starterGroups.join(', ')}.`);
}

/** Messages come from those who act in the process. */
export function assertCanSendMessage(actor: Actor, processRoles: readonly string[]): void {
  assertActsInProcess(actor, processRoles, `Meddelanden till ärendet kan skickas av: ${processRoles.join(', ')}.`);
}

/** A stopped step is retried by those who act in the process. */
export function assertCanRetry(actor: Actor, processRoles: readonly string[]): void {
  assertActsInProcess(actor, processRoles, `Ett stoppat steg kan köras igen av: ${processRoles.join(', ')}.`);
}

function assertActsInProcess(actor: Actor, processRoles: readonly string[], refusal: string): void {
  if (permissions.actInProcess(actor, processRoles)) return;
  throw new AppError('forbidden', isReadOnly(actor) ? readOnlyRefusal : refusal);
}
