// The start page's filters and sorting of task lists, read from the query string: which process, only overdue, and
// the order (due date, follow-up day, created, case). Anything unknown is refused with 400 by the zod schema.
import { z } from 'zod';
import type { TaskView } from '../../runtime/index.js';
import { IdSchema } from '../shared/parse-input.js';

export const taskSortOrders = {
  senast: 'Senast (förfallodatum)',
  uppfoljning: 'Uppföljningsdatum',
  skapad: 'Skapad',
  arende: 'Ärende',
} as const;

export const TaskListQuerySchema = z
  .object({
    process: z.union([IdSchema, z.literal('')]).optional(),
    forsenade: z.literal('1').optional(),
    sortera: z.enum(Object.keys(taskSortOrders) as [keyof typeof taskSortOrders]).optional(),
  })
  .strict();

export type TaskListQuery = z.infer<typeof TaskListQuerySchema>;

type Listed = TaskView & { overdue: boolean };

/** The tasks the query keeps, in its order; overdue tasks first whatever the order, as the legal deadlines come first. */
export function filterAndSort<T extends Listed>(tasks: readonly T[], query: TaskListQuery): T[] {
  const kept = tasks.filter((t) => (!query.process || t.processKey === query.process) && (!query.forsenade || t.overdue));
  const by = query.sortera ?? 'senast';
  const key = (t: T): string => {
    if (by === 'uppfoljning') return t.followUp ?? '9999';
    if (by === 'skapad') return t.createdAt;
    if (by === 'arende') return (t.businessKey ?? '\uffff') + (t.brukare ?? '');
    return t.due ?? '9999';
  };
  return [...kept].sort((a, b) => Number(b.overdue) - Number(a.overdue) || key(a).localeCompare(key(b), 'sv') || a.createdAt.localeCompare(b.createdAt));
}
