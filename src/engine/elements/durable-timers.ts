// The engine's `timers` option: records each timer's due time and never arms a native setTimeout; the scheduler fires.
import type { Clock } from '../../timers/index.js';

interface TimerOwner {
  id?: string;
  executionId?: string;
  expireAt?: Date | string;
}

export interface ArmedTimer {
  owner: TimerOwner | null;
  callback: (...args: unknown[]) => void;
  args: unknown[];
  dueAt: Date;
}

export interface PendingTimer {
  elementId: string;
  executionId: string;
  dueAt: Date;
}

/** Where a step that cannot go on waits for a person: the session's incidents (service tasks use the same). */
export interface StepParking {
  /** The step has an open incident: it does not run again by itself (a reload re-enters it), only on a retry. */
  hasIncident(elementId: string): boolean;
  /** Keeps the step's next attempt for a retry; `opened` when this attempt failed and opens the incident. */
  park(elementId: string, attempt: () => Promise<void>, opened?: { message: string }): void;
}

/** One per hydrated engine. `clock` is read by our TimerEventDefinition, which computes the due dates. */
export class DurableTimers {
  private readonly armed = new Set<ArmedTimer>();

  /** `parking`: a timer whose value cannot be computed waits there instead of failing the case. */
  constructor(
    readonly clock: Clock,
    readonly parking: StepParking | null = null,
  ) {}

  /** The engine iterates this on stop and completion (its types omit it). */
  get executing(): ArmedTimer[] {
    return [...this.armed];
  }

  register(owner: TimerOwner) {
    return {
      setTimeout: (callback: (...args: unknown[]) => void, delay: number, ...args: unknown[]) => this.arm(owner, callback, delay, args),
      clearTimeout: (ref: ArmedTimer) => this.clearTimeout(ref),
    };
  }

  setTimeout(callback: (...args: unknown[]) => void, delay: number, ...args: unknown[]): ArmedTimer {
    return this.arm(null, callback, delay, args);
  }

  clearTimeout(ref: ArmedTimer | undefined | null): undefined {
    if (ref) this.armed.delete(ref);
    return undefined;
  }

  /** Timers waiting in this engine, by the execution id of their event definition. */
  pending(): PendingTimer[] {
    const out: PendingTimer[] = [];
    for (const t of this.armed) {
      if (!t.owner?.executionId || !t.owner.id) continue;
      out.push({ elementId: t.owner.id, executionId: t.owner.executionId, dueAt: t.dueAt });
    }
    return out;
  }

  /** Fires the timer of that execution; false when it is no longer armed (already fired or cancelled). */
  fire(executionId: string): boolean {
    const timer = [...this.armed].find((t) => t.owner?.executionId === executionId);
    if (!timer) return false;
    this.armed.delete(timer);
    timer.callback(...timer.args);
    return true;
  }

  private arm(owner: TimerOwner | null, callback: (...args: unknown[]) => void, delay: number, args: unknown[]): ArmedTimer {
    const dueAt = owner?.expireAt ? new Date(owner.expireAt) : new Date(this.clock.now().getTime() + delay);
    const ref: ArmedTimer = { owner, callback, args, dueAt };
    this.armed.add(ref);
    return ref;
  }
}
