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

  /** A summary read back from a shared store: taken only if newer than the one held (this server may be ahead). */
  learn(summary: InstanceSummary): boolean {
    const held = this.summaries.get(summary.id);
    if (held && held.rev >= summary.rev) return false;
    this.put(summary);
    return true;
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

  /**
   * The timers due at the earliest due time at or before `until`, one per instance (the lowest id; an instance's
   * second timer of that time comes in the next group), lowest id first: they may fire side by side.
   */
  nextDueGroup(until: Date, skip: ReadonlySet<string>): TimerRecord[] {
    const limit = until.getTime();
    let earliest: number | null = null;
    const perInstance = new Map<string, TimerRecord>();
    for (const s of this.summaries.values()) {
      if (s.state !== 'running') continue;
      for (const t of s.timers) {
        const due = Date.parse(t.dueAt);
        if (due > limit || skip.has(t.id)) continue;
        if (earliest === null || due < earliest) {
          earliest = due;
          perInstance.clear();
        }
        if (due !== earliest) continue;
        const held = perInstance.get(t.instanceId);
        if (!held || t.id < held.id) perInstance.set(t.instanceId, t);
      }
    }
    return [...perInstance.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Whether `timer` is still armed as it was when it was listed (an earlier firing may have moved or ended it). */
  isArmed(timer: TimerRecord): boolean {
    return this.summaries.get(timer.instanceId)?.timers.some((t) => t.id === timer.id && t.dueAt === timer.dueAt) ?? false;
  }

  get size(): number {
    return this.summaries.size;
  }
}
