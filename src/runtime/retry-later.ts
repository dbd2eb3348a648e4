// Work that failed after its cause was stored (a child case to start, an end to report) is done again a little later,
// a case at a time, with longer waits while it keeps failing; real time, not the case clock, since the cause is the
// machine (a full disk, a database away), not the routine.
const delaysMs = [1_000, 5_000, 30_000, 120_000];

export interface Retries {
  /** Runs the work for `id` again after the next wait, unless one is already waiting for it. */
  later(id: string): void;
  /** The work for `id` went through: the next failure waits the shortest again. */
  succeeded(id: string): void;
  stop(): void;
}

export function createRetries(work: (id: string) => Promise<void>): Retries {
  const waiting = new Map<string, NodeJS.Timeout>();
  const failures = new Map<string, number>();
  let stopped = false;
  return {
    later(id) {
      if (stopped || waiting.has(id)) return;
      const count = failures.get(id) ?? 0;
      failures.set(id, count + 1);
      const timer = setTimeout(() => {
        waiting.delete(id);
        void work(id);
      }, delaysMs[Math.min(count, delaysMs.length - 1)]);
      timer.unref();
      waiting.set(id, timer);
    },
    succeeded(id) {
      if (!waiting.has(id)) failures.delete(id);
    },
    stop() {
      stopped = true;
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
    },
  };
}
