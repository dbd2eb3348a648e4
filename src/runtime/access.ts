// Who may see and do what with tasks and instances: candidate groups, assignee, starter groups, admin and revisor.
import { AppError } from '../errors.js';
import type { TaskRecord } from '../engine/index.js';
import { isReadOnly, type Actor } from '../auth/index.js';

const isAdmin = (actor: Actor) => actor.roles.includes('admin');

export function inGroups(actor: Actor, groups: readonly string[]): boolean {
  return groups.some((g) => actor.roles.includes(g));
}

/**
 * Something addressed to a unit (a LOV provider, an enhetschef's own boende) reaches that unit's members; someone tied
 * to no unit (central staff) is reached by all of their groups' work.
 */
export function inUnit(actor: Actor, addressed: { unit?: string | null }): boolean {
  return !addressed.unit || !actor.units?.length || actor.units.includes(addressed.unit);
}

/** The task's groups, within its unit. */
function forMe(actor: Actor, task: TaskRecord): boolean {
  return inGroups(actor, task.candidateGroups) && inUnit(actor, task);
}

/** Admin and revisor see every task; others those of their groups (within the task's unit) or assigned to them. */
export function canSeeTask(actor: Actor, task: TaskRecord): boolean {
  return isAdmin(actor) || actor.roles.includes('revisor') || forMe(actor, task) || task.assignee === actor.username;
}

export function assertCanClaim(actor: Actor, task: TaskRecord): void {
  if (isAdmin(actor) || forMe(actor, task)) return;
  throw new AppError('forbidden', 'Bara den roll som uppgiften gäller kan ta den.');
}

export function assertCanComplete(actor: Actor, task: TaskRecord): void {
  if (!isAdmin(actor) && !forMe(actor, task) && task.assignee !== actor.username) {
    throw new AppError('forbidden', 'Bara den roll som uppgiften gäller kan slutföra den.');
  }
  if (task.assignee && task.assignee !== actor.username && !isAdmin(actor)) {
    throw new AppError('task_claimed', `Uppgiften är tagen av ${task.assignee}.`);
  }
}

/** Starter groups empty: any user who may change things; otherwise one of those groups. */
export function assertCanStart(actor: Actor, starterGroups: readonly string[]): void {
  if (isAdmin(actor)) return;
  if (isReadOnly(actor)) throw new AppError('forbidden', 'Revisorer kan läsa men inte starta ärenden.');
  if (!starterGroups.length || inGroups(actor, starterGroups)) return;
  throw new AppError('forbidden', `Processen kan bara startas av: ${starterGroups.join(', ')}.`);
}

/** Those who act in the process (API.md: a role of the case's process), or an admin; never the revisor. */
export function actsInProcess(actor: Actor, processRoles: readonly string[]): boolean {
  return isAdmin(actor) || (!isReadOnly(actor) && inGroups(actor, processRoles));
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
  if (actsInProcess(actor, processRoles)) return;
  throw new AppError('forbidden', isReadOnly(actor) ? 'Revisorer kan läsa men inte ändra något.' : refusal);
}
