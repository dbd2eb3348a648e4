// Reads from a failed case's history which service task stopped it: the one it entered last and never left.
import type { HistoryEntry } from '../records/index.js';

export interface FailedStep {
  elementId: string;
  /** The failure as the case's history recorded it. */
  message: string;
}

/** Null when the case did not fail, or its failure came from something other than a service task still running. */
export function failedServiceTask(history: readonly HistoryEntry[], serviceTasks: ReadonlyMap<string, unknown>): FailedStep | null {
  const failedAt = history.map((e) => e.type).lastIndexOf('instance.failed');
  if (failedAt < 0) return null;
  const open: string[] = [];
  for (const entry of history.slice(0, failedAt)) {
    if (!entry.elementId) continue;
    if (entry.type === 'activity.entered') open.push(entry.elementId);
    if (entry.type === 'activity.left' || entry.type === 'activity.cancelled') {
      const at = open.lastIndexOf(entry.elementId);
      if (at >= 0) open.splice(at, 1);
    }
  }
  const elementId = open.filter((id) => serviceTasks.has(id)).at(-1);
  if (!elementId) return null;
  const message = history[failedAt]!.data?.message;
  return { elementId, message: typeof message === 'string' ? message : 'Steget misslyckades.' };
}
