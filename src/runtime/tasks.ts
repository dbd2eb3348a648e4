// User tasks: list and read them, claim and give back, save a draft, complete.
import { permissions, type Actor } from '../auth/index.js';
import { processRoles, type DefinitionRegistry, type InstanceIndex, type InstanceSummary, type InstanceTransitions, type TaskRecord } from '../engine/index.js';
import { AppError, type FieldError } from '../errors.js';
import { fieldMessages, type FormChoices, type FormField, maxStringLength, validateSubmission, resolveForm } from '../forms/index.js';
import type { Clock } from '../timers/index.js';
import { assertCanClaim, assertCanComplete, assertCanUnclaim } from './access.js';
import { assertCanAssign, assignableUsers, assigned, checkAssignment, type TaskAssignment, type UserLookup } from './task-assignment.js';

/**
 * A task as readers see it: the stored record without the engine's execution id, with its case as people know it
 * (business key and the decision's person), so two tasks of the same step can be told apart.
 */
export type TaskView = Omit<TaskRecord, 'executionId' | 'followUp' | 'unit'> & {
  /** The unit the task is addressed to (a provider, a boende); null: the whole group. */
  unit: string | null;
  businessKey: string | null;
  brukare: string | null;
  followUp: string | null;
  /** The routine's instruction for the step, from its bpmn:documentation. */
  documentation: string | null;
};

export interface TaskFilter {
  instanceId?: string;
  group?: string;
  assignee?: string;
}

export interface TaskServiceDeps {
  index: InstanceIndex;
  transitions: InstanceTransitions;
  clock: Clock;
  /** The registers' choices for reference fields, read when a task is shown or completed. */
  choices: FormChoices;
  /** For the roles of a task's process: who may reassign it. */
  registry: DefinitionRegistry;
  /** Who holds a task's roles, for reassigning it. */
  users: UserLookup;
}

export function createTaskService({ index, transitions, clock, choices, registry, users }: TaskServiceDeps) {
  const toTaskView = (t: TaskRecord): TaskView => {
    const summary = index.get(t.instanceId);
    const step = summary && registry.get(summary.processKey, summary.version)?.model.userTasks.get(t.elementId);
    return taskView(t, summary, choices, step?.documentation ?? null);
  };

  /** One open task; task_closed when it is completed or gone. */
  function findOpenTask(taskId: string): TaskRecord {
    const task = index.task(taskId);
    if (!task) throw new AppError('task_closed');
    return task;
  }

  const rolesOfProcess = (task: TaskRecord): string[] => {
    const summary = index.get(task.instanceId);
    const model = summary && registry.get(summary.processKey, summary.version)?.model;
    return model ? processRoles(model) : [];
  };

  /** The task's groups and holder see it, and the chefs of its process, who open it from the team view to reassign it. */
  const visible = (actor: Actor, task: TaskRecord): boolean => permissions.seeTask(actor, task) || permissions.assignInProcess(actor, rolesOfProcess(task));

  /** A change to one open task's record, checked again under the instance lock, with one history entry (no form values). */
  async function changeTask(task: TaskRecord, actor: Actor, type: string, change: (current: TaskRecord) => TaskRecord, data: Record<string, unknown> | null = null): Promise<void> {
    await transitions.withoutEngine(task.instanceId, (summary, nextSeq) => {
      const current = summary.tasks.find((t) => t.id === task.id);
      if (!current) throw new AppError('task_closed');
      const tasks = summary.tasks.map((t) => (t === current ? change(current) : t));
      const entry = { seq: nextSeq, at: clock.now().toISOString(), type, elementId: task.elementId, elementName: task.name, actor: actor.username, data };
      return { summary: { ...summary, tasks }, entries: [entry] };
    });
  }

  return {
    /** The open tasks of the actor's groups or held by them (all for admin and revisor), earliest due first (no due date last). */
    listTasks(filter: TaskFilter, actor: Actor): TaskView[] {
      return [...index.allTasks()]
        .filter((t) => permissions.seeTask(actor, t))
        .filter((t) => (!filter.instanceId || t.instanceId === filter.instanceId) && (!filter.group || t.candidateGroups.includes(filter.group)) && (!filter.assignee || t.assignee === filter.assignee))
        .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.createdAt.localeCompare(b.createdAt))
        .map(toTaskView);
    },

    /** The open tasks of the processes the actor leads as a chef (all for an admin), for the team view; none otherwise. */
    listTeamTasks(actor: Actor): TaskView[] {
      return [...index.allTasks()].filter((t) => permissions.assignInProcess(actor, rolesOfProcess(t))).map(toTaskView);
    },

    /** One open task the caller may see; task_closed when it is completed or gone, forbidden outside its groups. */
    getTask(taskId: string, actor: Actor): TaskView {
      const task = findOpenTask(taskId);
      if (!visible(actor, task)) throw new AppError('forbidden', 'Uppgiften gäller inte dina roller.');
      return toTaskView(task);
    },

    /** Claiming a task one already has changes nothing; one taken by someone else is task_claimed. */
    async claimTask(taskId: string, actor: Actor): Promise<void> {
      const task = findOpenTask(taskId);
      assertCanClaim(actor, task);
      if (task.assignee === actor.username) return;
      if (task.assignee) throw new AppError('task_claimed', `Uppgiften är redan tagen av ${task.assignee}.`);
      await changeTask(task, actor, 'task.claimed', (current) => {
        if (current.assignee) throw new AppError('task_claimed', `Uppgiften är redan tagen av ${current.assignee}.`);
        return { ...current, assignee: actor.username };
      });
    },

    /** Gives a claimed task back to its groups; only its assignee or an admin may. Unclaimed: nothing happens. */
    async unclaimTask(taskId: string, actor: Actor): Promise<void> {
      const task = findOpenTask(taskId);
      assertCanUnclaim(actor, task);
      if (!task.assignee) return;
      await changeTask(task, actor, 'task.unclaimed', (current) => {
        assertCanUnclaim(actor, current);
        return { ...current, assignee: null };
      });
    },

    /**
     * A chef of the task's process (or an admin) hands the task to a user of its groups, or back to the groups (null),
     * and may set or clear the follow-up day; the history names who did it and to whom.
     */
    async assignTask(taskId: string, assignment: TaskAssignment, actor: Actor): Promise<void> {
      const task = findOpenTask(taskId);
      assertCanAssign(actor, rolesOfProcess(task));
      checkAssignment(task, assignment, users);
      await changeTask(task, actor, 'task.assigned', (current) => assigned(current, assignment), { assignee: assignment.assignee, followUp: assigned(task, assignment).followUp });
    },

    /** Whether the actor may reassign the task, and to whom (the users of its groups); none when not. */
    assignmentOptions(taskId: string, actor: Actor): { username: string; name: string }[] | null {
      const task = findOpenTask(taskId);
      return permissions.assignInProcess(actor, rolesOfProcess(task)) ? assignableUsers(task, users) : null;
    },

    /**
     * Keeps the values of the task's editable fields for later without completing it (they need not be valid yet);
     * who may save is who may complete. The history records the save, never the values.
     */
    async saveTaskDraft(taskId: string, values: Record<string, unknown>, actor: Actor): Promise<void> {
      const task = findOpenTask(taskId);
      assertCanComplete(actor, task);
      const draft = toDraft(task.form, values);
      await changeTask(task, actor, 'task.draft-saved', (current) => {
        assertCanComplete(actor, current);
        return { ...current, draft };
      });
    },

    /** Validates the form values, then completes the task in its engine; rights are checked again under the instance lock. */
    async completeTask(taskId: string, variables: Record<string, unknown>, actor: Actor): Promise<void> {
      const task = findOpenTask(taskId);
      assertCanComplete(actor, task);
      const result = validateSubmission(resolveForm(task.form, choices), variables, 'json');
      if (!result.ok) throw new AppError('validation_failed', undefined, result.errors);
      await transitions.withEngine(task.instanceId, actor.username, async (session, summary) => {
        const current = summary.tasks.find((t) => t.id === taskId);
        if (!current) throw new AppError('task_closed');
        assertCanComplete(actor, current);
        await session.completeTask(current, result.values);
      });
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;

/** The stored record without the engine's execution id; reference fields carry the registers' choices now. */
function taskView(t: TaskRecord, summary: InstanceSummary | undefined, choices: FormChoices, documentation: string | null): TaskView {
  const person = summary?.decision?.person ?? summary?.variables.brukare;
  return {
    id: t.id,
    instanceId: t.instanceId,
    processKey: t.processKey,
    businessKey: summary?.businessKey ?? null,
    brukare: typeof person === 'string' && person ? person : null,
    elementId: t.elementId,
    name: t.name,
    candidateGroups: t.candidateGroups,
    assignee: t.assignee,
    createdAt: t.createdAt,
    due: t.due,
    followUp: t.followUp ?? null,
    unit: t.unit ?? null,
    documentation,
    form: [...resolveForm(t.form, choices)],
    // A multi-instance task's item (its label, place and the list's length), for clients that group the items.
    ...(t.item ? { item: t.item } : {}),
    ...(t.draft ? { draft: t.draft } : {}),
  };
}

/** A draft holds the editable fields' values as typed (text, number or yes/no), empty ones left out; nothing else. */
function toDraft(form: readonly FormField[], values: Record<string, unknown>): Record<string, unknown> {
  const editable = new Set(form.filter((f) => !f.readonly).map((f) => f.id));
  const draft: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!editable.has(key)) errors.push({ field: key, message: fieldMessages.unknown });
    else if (typeof value === 'string' ? value.length > maxStringLength : typeof value !== 'number' && typeof value !== 'boolean') {
      errors.push({ field: key, message: fieldMessages.text });
    } else if (value !== '') draft[key] = value;
  }
  if (errors.length) throw new AppError('validation_failed', undefined, errors);
  return draft;
}
