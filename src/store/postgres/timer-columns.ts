// A case's armed timers as the `timers` table keeps them (id, due time, record), for a save and for store:copy.
import type { InstanceSummary } from '../../engine/index.js';
import { jsonText } from './connection.js';

/** The columns as three arrays for `unnest`: only a running case's timers, each id once (an upsert touches a row once). */
export function timerColumns(summary: InstanceSummary): [string[], string[], string[]] {
  const armed = summary.state === 'running' && !summary.culled ? [...new Map(summary.timers.map((t) => [t.id, t])).values()] : [];
  return [armed.map((t) => t.id), armed.map((t) => t.dueAt), armed.map((t) => jsonText(t, 'Timern'))];
}
