// What the start page shows, computed from the runtime for one user: my tasks and my groups' tasks (filtered and
// sorted as asked), a chef's team view, the role's bevakningar and the processes it may start.
import { isReadOnly, permissions, type Actor } from '../../auth/index.js';
import type { RuntimeApi } from '../../runtime/index.js';
import { filterAndSort, taskSortOrders, type TaskListQuery } from './task-list-filter.js';
import { teamOverview } from './team-overview.js';

/** The team's tasks listed at most; the counts above them cover all. */
const maxTeamRows = 100;

export function startPageModel(runtime: RuntimeApi, actor: Actor, query: TaskListQuery = {}, inboxFilter: 'olasta' | 'alla' = 'alla') {
  const now = runtime.clockNow().now;
  const today = now.slice(0, 10);
  const processes = runtime.listProcesses();
  const processNames = new Map(processes.map((p) => [p.key, p.name]));
  const listed = <T extends { processKey: string; due: string | null; followUp: string | null }>(t: T) => ({
    ...t,
    processName: processNames.get(t.processKey) ?? t.processKey,
    overdue: t.due !== null && t.due < now,
    followUpDue: t.followUp !== null && t.followUp <= today,
  });
  // A row names its case as people know it: the business key and the person; the routine's name when there is no key.
  const tasks = runtime.listTasks({}, actor).map(listed);
  const mine = filterAndSort(tasks.filter((t) => t.assignee === actor.username), query);
  const groups = filterAndSort(tasks.filter((t) => t.assignee !== actor.username), query);
  // A chef's team: every open task of the processes they lead, counted per person and group and listed to reassign.
  const teamTasks = filterAndSort(runtime.listTeamTasks(actor).map(listed), query);
  const allInbox = runtime.listInbox(actor);
  const inbox = (inboxFilter === 'olasta' ? allInbox.filter((b) => !b.readAt) : allInbox).slice(0, 50);
  const startable = processes
    .map((p) => runtime.getProcess(p.key))
    .filter((p) => permissions.startProcess(actor, p.starterGroups));
  return {
    mine,
    groups,
    team: teamTasks.length ? { rows: teamOverview(teamTasks, today), tasks: teamTasks.slice(0, maxTeamRows), more: Math.max(0, teamTasks.length - maxTeamRows) } : null,
    filter: {
      processes: processes.map((p) => ({ value: p.key, label: p.name, selected: p.key === query.process })),
      overdueOnly: query.forsenade === '1',
      sortOrders: Object.entries(taskSortOrders).map(([value, label]) => ({ value, label, selected: value === (query.sortera ?? 'senast') })),
      active: Boolean(query.process || query.forsenade || query.sortera),
    },
    inbox,
    inboxFilter,
    readOnly: isReadOnly(actor),
    unread: allInbox.filter((b) => !b.readAt).length,
    startable,
  };
}
