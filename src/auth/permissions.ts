// Who may do what with work and cases: the one table the runtime's checks, the route guards and the pages' buttons all
// read, so a button is shown exactly when the step behind it would be allowed. Which restricted pages a role opens is
// the role lists in roles.ts (read with `hasRole` by the menu and the routes alike).
import type { Actor } from './actor.js';
import { isReadOnly } from './roles.js';

/** A task as the rules need it: its groups and named users, the unit it is addressed to, who holds it. */
export interface WorkItem {
  candidateGroups: readonly string[];
  candidateUsers?: readonly string[];
  unit?: string | null;
  assignee: string | null;
}

/** A bevakning as the rules need it: the group and the unit it is sent to. */
export interface Notice {
  group: string;
  unit?: string | null;
}

export const isAdmin = (actor: Actor): boolean => actor.roles.includes('admin');
const isRevisor = (actor: Actor): boolean => actor.roles.includes('revisor');

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

/** The task's groups, within its unit, and the users it names (whatever their unit: they were chosen by name). */
function forMe(actor: Actor, task: WorkItem): boolean {
  return (inGroups(actor, task.candidateGroups) && inUnit(actor, task)) || (task.candidateUsers?.includes(actor.username) ?? false);
}

/** The `*chef` roles among a process's roles: those who lead the work and reassign it. */
export function chefRoles(processRoles: readonly string[]): string[] {
  return processRoles.filter((role) => role.endsWith('chef'));
}

export const permissions = {
  /** Lists and opens the task: admin and revisor every task, others their groups' (within its unit) and their own. */
  seeTask: (actor: Actor, task: WorkItem): boolean => isAdmin(actor) || isRevisor(actor) || forMe(actor, task) || task.assignee === actor.username,
  /** Takes the task's kind of work (whether it is free is `taskActions`' business): its groups within its unit, admin. */
  claimTask: (actor: Actor, task: WorkItem): boolean => !isReadOnly(actor) && (isAdmin(actor) || forMe(actor, task)),
  /** Gives a task back to its groups: its holder (an unheld one: its groups), or an admin for someone who is away. */
  unclaimTask: (actor: Actor, task: WorkItem): boolean =>
    !isReadOnly(actor) && (isAdmin(actor) || (task.assignee !== null ? task.assignee === actor.username : forMe(actor, task))),
  /** Saves a draft and completes: its groups within its unit, its holder, admin (held by someone else: see `taskActions`). */
  workOnTask: (actor: Actor, task: WorkItem): boolean => !isReadOnly(actor) && (isAdmin(actor) || forMe(actor, task) || task.assignee === actor.username),
  /** Starts a case: the process's starter groups (any role when it names none), admin; never the auditor. */
  startProcess: (actor: Actor, starterGroups: readonly string[]): boolean => isAdmin(actor) || (!isReadOnly(actor) && (!starterGroups.length || inGroups(actor, starterGroups))),
  /** Sends a case a message and retries its stopped steps: the roles of its process, admin; never the auditor. */
  actInProcess: (actor: Actor, processRoles: readonly string[]): boolean => isAdmin(actor) || (!isReadOnly(actor) && inGroups(actor, processRoles)),
  /** Reassigns the process's tasks and sets their follow-up: its chefs, admin. */
  assignInProcess: (actor: Actor, processRoles: readonly string[]): boolean => isAdmin(actor) || (!isReadOnly(actor) && inGroups(actor, chefRoles(processRoles))),
  /** Gets a bevakning in the inbox: its group, within its unit (admin gets every one). */
  receiveBevakning: (actor: Actor, notice: Notice): boolean => isAdmin(actor) || (actor.roles.includes(notice.group) && inUnit(actor, notice)),
  /** Opens a bevakning: those who receive it, and the revisor (who reads everything and marks nothing read). */
  readBevakning: (actor: Actor, notice: Notice): boolean => isRevisor(actor) || permissions.receiveBevakning(actor, notice),
  /**
   * Reads a case (API.md "Access"): its process's reader roles, whoever holds, held or is offered one of its tasks, the groups its
   * bevakningar went to, revisor, admin. Reading only: holding a task once gives no right to act on the case.
   */
  readCase: (actor: Actor, parts: { readerRoles: readonly string[]; holders: readonly (string | null)[]; bevakningar: readonly Notice[] }): boolean =>
    isAdmin(actor) ||
    isRevisor(actor) ||
    inGroups(actor, parts.readerRoles) ||
    parts.holders.includes(actor.username) ||
    parts.bevakningar.some((b) => actor.roles.includes(b.group)),
  /** Changes anything at all: everyone but the auditor. */
  change: (actor: Actor): boolean => !isReadOnly(actor),
} as const;

/** What the actor may do with the task as it stands now: the task page's buttons and the runtime's checks alike. */
export function taskActions(actor: Actor, task: WorkItem) {
  const claimedByOther = task.assignee !== null && task.assignee !== actor.username;
  return {
    canClaim: task.assignee === null && permissions.claimTask(actor, task),
    canUnclaim: task.assignee !== null && permissions.unclaimTask(actor, task),
    /** Only an admin works on a task someone else holds. */
    canWork: permissions.workOnTask(actor, task) && (!claimedByOther || isAdmin(actor)),
    claimedByOther,
  };
}
