// A chef's team view: the open and overdue work of the processes they lead, per person holding tasks and per group
// for the tasks nobody has taken yet, most overdue first.
import type { TaskView } from '../../runtime/index.js';

export interface TeamRow {
  /** The user name, or the group for unclaimed tasks. */
  who: string;
  kind: 'person' | 'grupp';
  open: number;
  overdue: number;
  /** Tasks whose follow-up day has come. */
  followUpDue: number;
}

export function teamOverview(tasks: readonly (TaskView & { overdue: boolean })[], today: string): TeamRow[] {
  const rows = new Map<string, TeamRow>();
  const count = (who: string, kind: TeamRow['kind'], task: TaskView & { overdue: boolean }) => {
    const key = `${kind}:${who}`;
    const row = rows.get(key) ?? { who, kind, open: 0, overdue: 0, followUpDue: 0 };
    row.open += 1;
    if (task.overdue) row.overdue += 1;
    if (task.followUp !== null && task.followUp <= today) row.followUpDue += 1;
    rows.set(key, row);
  };
  for (const task of tasks) {
    if (task.assignee) count(task.assignee, 'person', task);
    else for (const group of task.candidateGroups) count(group, 'grupp', task);
  }
  return [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.who.localeCompare(b.who, 'sv'));
}
