// The clock: what time it is, and moving the manual clock forward with the timers that fall due on the way.
import type { TimerScheduler } from '../engine/index.js';
import { AppError } from '../errors.js';
import type { SettingsRepository } from '../store/index.js';
import { addDuration, type Clock, type ClockMode, type ManualClock, TimerError } from '../timers/index.js';

export type ClockMove = { advance: string } | { to: string };

/** The store setting that keeps the manual clock's time across restarts. */
export const manualClockSetting = 'manualClock';

export interface ClockServiceDeps {
  clock: Clock;
  scheduler: TimerScheduler;
  settings: SettingsRepository;
}

export function createClockService({ clock, scheduler, settings }: ClockServiceDeps) {
  return {
    clockNow(): { now: string; mode: ClockMode } {
      return { now: clock.now().toISOString(), mode: clock.mode };
    },

    /** Moves the manual clock, firing due timers on the way; clock_not_manual on the system clock. */
    async moveClock(move: ClockMove): Promise<{ now: string }> {
      if (clock.mode !== 'manual') throw new AppError('clock_not_manual');
      // Never stored backwards: on a shared store another server may have moved the clock further a moment ago.
      const persist = async (to: Date) => void (await settings.update<string>(manualClockSetting, (stored) => (stored && new Date(stored) > to ? stored : to.toISOString())));
      // Each caller gets the time its own move reached, even when other moves follow at once.
      const { unfired, to } = await scheduler.moveManualClock(clock as ManualClock, (now) => clockTarget(now, move), persist);
      if (unfired) throw new AppError('internal', `Klockan flyttades men ${unfired} timer(s) kunde inte köras; de försöks igen vid nästa flytt.`);
      return { now: to.toISOString() };
    },
  };
}

export type ClockService = ReturnType<typeof createClockService>;

/** Where a clock move ends, from the time it starts at; never backwards. */
function clockTarget(now: Date, move: ClockMove): Date {
  let to: Date;
  try {
    to = 'advance' in move ? addDuration(now, move.advance) : new Date(move.to);
  } catch (err) {
    throw new AppError('bad_request', err instanceof TimerError ? err.message : 'Ogiltig varaktighet.');
  }
  if (Number.isNaN(to.getTime())) throw new AppError('bad_request', 'Ogiltig tidpunkt.');
  if (to < now) throw new AppError('bad_request', 'Klockan kan inte flyttas bakåt.');
  return to;
}
