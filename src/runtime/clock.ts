// The runtime's clock: what time it is, and moving the manual clock forward with the timers that fall due.
import { AppError } from '../errors.js';
import type { ClockMode, ManualClock } from '../timers/clock.js';
import { addDuration } from '../timers/date-math.js';
import { TimerError } from '../timers/timer-error.js';
import type { ClockMove } from './runtime-api.js';
import type { RuntimeParts } from './runtime-parts.js';

/** The store setting that keeps the manual clock's time across restarts. */
export const manualClockSetting = 'manualClock';

export function clockNow(parts: RuntimeParts): { now: string; mode: ClockMode } {
  return { now: parts.clock.now().toISOString(), mode: parts.clock.mode };
}

/** Moves the manual clock, firing due timers on the way; clock_not_manual on the system clock. */
export async function moveClock(parts: RuntimeParts, move: ClockMove): Promise<{ now: string }> {
  const clock = parts.clock;
  if (clock.mode !== 'manual') throw new AppError('clock_not_manual');
  const { unfired } = await parts.scheduler.moveManualClock(clock as ManualClock, (now) => clockTarget(now, move));
  await parts.store.settings.set(manualClockSetting, clock.now().toISOString());
  if (unfired) throw new AppError('internal', `Klockan flyttades men ${unfired} timer(s) kunde inte köras; de försöks igen vid nästa flytt.`);
  return { now: clock.now().toISOString() };
}

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
