// Fires due timers in due order, exactly once each; moves the manual clock through every due time on the way.
import { Mutex } from 'async-mutex';
import type { HandlerLogger } from '../handlers/index.js';
import type { Clock, ManualClock } from '../timers/index.js';
import type { InstanceIndex } from './instance-index.js';
import type { TimerRecord } from './records/index.js';
import type { InstanceTransitions } from './instance-transitions.js';

export interface FiringResult {
  fired: number;
  /** Timers due by then that could not be fired (logged); they are tried again later. */
  unfired: number;
}

const firstRetryMs = 1_000;
/** How many cases' timers due at the same moment fire side by side. */
const firedTogether = 32;
const maxRetryMs = 60 * 60 * 1000;

export class TimerScheduler {
  private readonly running = new Mutex();
  /** A timer whose firing failed waits (real time, doubling) before the next try, so it cannot stall the others. */
  private readonly failures = new Map<string, { attempts: number; retryAt: number }>();
  private interval: NodeJS.Timeout | null = null;

  constructor(
    private readonly index: InstanceIndex,
    private readonly transitions: InstanceTransitions,
    private readonly clock: Clock,
    private readonly logger: HandlerLogger,
    /**
     * Shared store: the due timers are claimed in the database, so each fires on one server, instead of listed from
     * this server's index (which follows the others' saves only moments later).
     */
    private readonly claimDue: ((until: Date, limit: number, skip: ReadonlySet<string>) => Promise<TimerRecord[]>) | null = null,
  ) {}

  /** Fires every timer due at or before `until`, earliest first. */
  fireDue(until: Date): Promise<FiringResult> {
    return this.running.runExclusive(() => this.fireDueUnlocked(until, null));
  }

  /**
   * Manual clock: `target` gets the current time under the scheduler's lock (so concurrent moves add up), then the
   * clock steps to each due time up to the target, firing there, and stops at the target.
   */
  moveManualClock(clock: ManualClock, target: (now: Date) => Date, persist: (to: Date) => Promise<void>): Promise<FiringResult & { to: Date }> {
    return this.running.runExclusive(async () => {
      const to = target(clock.now());
      // Stored before any timer fires: a crash mid-move restarts at the target (its due timers fire at boot), never
      // at a time earlier than what the steps already stored.
      await persist(to);
      const result = await this.fireDueUnlocked(to, clock);
      clock.set(to);
      return { ...result, to };
    });
  }

  /**
   * Another server moved the manual clock (a shared store): this one's clock follows, after a move of its own that is
   * under way (which steps through due times), never backwards. Not awaited: a firing may be what is asking.
   */
  followManualClock(clock: ManualClock, to: Date): void {
    const follow = () => {
      if (to > clock.now()) clock.set(to);
    };
    // At once when no move runs, so the request that learned of it already shows it.
    if (this.running.isLocked()) void this.running.runExclusive(follow);
    else follow();
  }

  /** System clock: poll for due timers every `intervalMs`. */
  start(intervalMs: number): void {
    this.interval = setInterval(() => {
      this.fireDue(this.clock.now()).catch((err: Error) => this.logger.error({ err: err.name }, 'timer poll failed'));
    }, intervalMs);
    this.interval.unref();
  }

  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.running.waitForUnlock();
  }

  private async fireDueUnlocked(until: Date, manual: ManualClock | null): Promise<FiringResult> {
    let fired = 0;
    // Within one pass a failed timer is not tried again; the manual clock retries on its next move.
    const skip = new Set(manual ? [] : [...this.failures].filter(([, f]) => f.retryAt > Date.now()).map(([id]) => id));
    const waiting = skip.size;
    for (;;) {
      // Timers of different cases due at the same moment fire side by side (at most `firedTogether` at once, the next
      // starting as soon as one is done): their writes overlap, and the due order holds, since the clock stands at
      // that moment for all of them. One group is listed at a time; what its firings arm is found by the next listing.
      const group = this.claimDue ? await this.claimDue(until, firedTogether, skip) : this.index.nextDueGroup(until, skip);
      if (!group.length) return { fired, unfired: skip.size - waiting };
      const dueAt = new Date(group[0]!.dueAt);
      if (manual && dueAt > manual.now()) manual.set(dueAt);
      let next = 0;
      const fireRest = async () => {
        for (let timer = group[next++]; timer; timer = group[next++]) {
          if (!this.claimDue && !this.index.isArmed(timer)) continue;
          if (await this.fireOne(timer)) {
            this.failures.delete(timer.id);
            fired++;
            continue;
          }
          skip.add(timer.id);
          const attempts = (this.failures.get(timer.id)?.attempts ?? 0) + 1;
          this.failures.set(timer.id, { attempts, retryAt: Date.now() + Math.min(maxRetryMs, firstRetryMs * 2 ** attempts) });
        }
      };
      await Promise.all(Array.from({ length: Math.min(firedTogether, group.length) }, fireRest));
    }
  }

  /** Fires one timer; false when it is still armed afterwards (the firing failed, and was logged). */
  private async fireOne(timer: TimerRecord): Promise<boolean> {
    try {
      await this.transitions.withEngine(
        timer.instanceId,
        'system',
        async (session) => {
          await session.fireTimer(timer.executionId);
        },
        { keepEngine: false },
      );
    } catch (err) {
      this.logger.error({ instanceId: timer.instanceId, elementId: timer.elementId, err: (err as Error).name }, 'timer could not be fired');
    }
    return !this.index.isArmed(timer);
  }
}
