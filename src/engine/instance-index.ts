// The in-memory view of every instance's summary: lists, the task inbox and due timers without loading any engine.
import type { InstanceSummary, TaskRecord, TimerRecord } from './records/index.js';

export class InstanceIndex {
  private readonly summaries = new Map<string, InstanceSummary>();
  private readonly tasks = new Map<string, TaskRecord>();

  load(summaries: InstanceSummary[]): void {
    for (const s of summaries) this.put(s);
  }

  put(summary: InstanceSummary): void {
    const old = this.summaries.get(summary.id);
    for (const t of old?.tasks ?? []) this.tasks.delete(t.id);
    this.summaries.set(summary.id, summary);
    for (const t of summary.tasks) this.tasks.set(t.id, t);
  }

  get(id: string): InstanceSummary | undefined {
    return this.summaries.get(id);
  }

  all(): IterableIterator<InstanceSummary> {
    return this.summaries.values();
  }

  task(id: string): TaskRecord | undefined {
    return this.tasks.get(id);
  }

  allTasks(): IterableIterator<TaskRecord> {
    return this.tasks.values();
  }

  /** The earliest timer due at or before `until`, over running instances; ties by instance then element. */
  nextDueTimer(until: Date, skip: ReadonlySet<string> = new Set()): TimerRecord | undefined {
    let next: TimerRecord | undefined;
    for (const s of this.summaries.values()) {
      if (s.state !== 'running') continue;
      for (const t of s.timers) {
        if (Date.parse(t.dueAt) > until.getTime() || skip.has(t.id)) continue;
        if (!next || t.dueAt < next.dueAt || (t.dueAt === next.dueAt && t.id < next.id)) next = t;
      }
    }
    return next;
  }

  get size(): number {
    return this.summaries.size;
  }
}
