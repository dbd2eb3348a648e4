// Fires due timers in due order, exactly once each; moves the manual clock through every due time on the way.
import { Mutex } from 'async-mutex';
import type { HandlerLogger } from '../handlers/handler.js';
import type { ManualClock, Clock } from '../timers/clock.js';
import type { InstanceIndex } from './instance-index.js';
import type { InstanceTransitions } from './instance-transitions.js';

export class TimerScheduler {
  private readonly running = new Mutex();
  /** Timers that could not be fired (logged); skipped so one broken instance cannot stall the others. */
  private readonly stuck = new Set<string>();
  private interval: NodeJS.Timeout | null = null;

  constructor(
    private readonly index: InstanceIndex,
    private readonly transitions: InstanceTransitions,
    private readonly clock: Clock,
    private readonly logger: HandlerLogger,
  ) {}

  /** Fires every timer due at or before `until`, earliest first; returns how many fired. */
  fireDue(until: Date): Promise<number> {
    return this.running.runExclusive(() => this.fireDueUnlocked(until, null));
  }

  /** Manual clock: steps to each due time up to `to`, firing there, then stops at `to`. */
  moveManualClock(clock: ManualClock, to: Date): Promise<number> {
    return this.running.runExclusive(async () => {
      const fired = await this.fireDueUnlocked(to, clock);
      clock.set(to);
      return fired;
    });
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

  private async fireDueUnlocked(until: Date, manual: ManualClock | null): Promise<number> {
    let fired = 0;
    for (;;) {
      const timer = this.index.nextDueTimer(until, this.stuck);
      if (!timer) return fired;
      const dueAt = new Date(timer.dueAt);
      if (manual && dueAt > manual.now()) manual.set(dueAt);
      try {
        await this.transitions.withEngine(timer.instanceId, 'system', async (session) => {
          await session.fireTimer(timer.executionId);
        });
        fired++;
      } catch (err) {
        this.logger.error({ instanceId: timer.instanceId, elementId: timer.elementId, err: (err as Error).name }, 'timer could not be fired');
      }
      const still = this.index.get(timer.instanceId)?.timers.find((t) => t.id === timer.id && t.dueAt === timer.dueAt);
      if (still) this.stuck.add(timer.id);
    }
  }
}
