// What the start page shows, computed from the runtime for one user.
import { isReadOnly, type Actor } from '../../auth/index.js';
import type { RuntimeApi, TaskView } from '../../runtime/index.js';

export function startPageModel(runtime: RuntimeApi, actor: Actor) {
  const now = runtime.clockNow().now;
  const tasks = runtime.listTasks({}, actor).map((t) => ({ ...t, overdue: t.due !== null && t.due < now }));
  const order = (a: TaskView & { overdue: boolean }, b: TaskView & { overdue: boolean }) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999');
  const mine = tasks.filter((t) => t.assignee === actor.username).sort(order);
  const groups = tasks.filter((t) => t.assignee !== actor.username).sort(order);
  const inbox = runtime.listInbox(actor).slice(0, 50);
  const startable = runtime
    .listProcesses()
    .map((p) => runtime.getProcess(p.key))
    .filter((p) => !isReadOnly(actor) && (actor.roles.includes('admin') || !p.starterGroups.length || p.starterGroups.some((g) => actor.roles.includes(g))));
  return { mine, groups, inbox, unread: inbox.filter((b) => !b.readAt).length, startable };
}
