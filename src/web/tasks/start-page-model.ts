// What the start page shows, computed from the runtime for one user.
import { isReadOnly, type Actor } from '../../auth/index.js';
import type { RuntimeApi, TaskView } from '../../runtime/index.js';

export function startPageModel(runtime: RuntimeApi, actor: Actor) {
  const now = runtime.clockNow().now;
  const processNames = new Map(runtime.listProcesses().map((p) => [p.key, p.name]));
  // A row names its case as people know it: the business key and the person; the routine's name when there is no key.
  const tasks = runtime.listTasks({}, actor).map((t) => ({ ...t, processName: processNames.get(t.processKey) ?? t.processKey, overdue: t.due !== null && t.due < now }));
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
