// Who has held one of a case's tasks (API.md "Access": they may read the case after the task moved on or ended).
import type { HistoryEntry, InstanceSummary } from '../records/index.js';

/**
 * The summary to store with `taskHolders` grown by everyone who holds a task before or after this transition and
 * whoever completed one in it. `next` is always made from `previous` and so carries the holders known so far; a case
 * stored before holders were kept learns them from its next transition on (the history is not read for them: too
 * costly for a check made on every read). Gallring's stub (no tasks, no completion) passes through unchanged.
 */
export function withTaskHolders(previous: InstanceSummary | null, next: InstanceSummary, entries: readonly HistoryEntry[]): InstanceSummary {
  const known = next.taskHolders ?? [];
  const holders = new Set(known);
  for (const task of [...(previous?.tasks ?? []), ...next.tasks]) if (task.assignee) holders.add(task.assignee);
  for (const entry of entries) if (entry.type === 'task.completed' && entry.actor && entry.actor !== 'system') holders.add(entry.actor);
  return holders.size === known.length ? next : { ...next, taskHolders: [...holders] };
}
