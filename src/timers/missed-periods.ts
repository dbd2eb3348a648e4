// A repeating timer armed when some of its periods are already past: one firing stands for all of them.
import { addDuration } from './date-math.js';
import { periodsUntil, type TimerCycle } from './timer-cycle.js';

/** The most periods a caught-up firing names; the count says how many there were in all. */
export const maxNamedPeriods = 100;

export interface CaughtUpCycle {
  /** The latest period due by now: the firing's due date, from which the series goes on without drift. */
  due: Date;
  /** Firings left in the series counting this one, as the timer's `repeat` (-1 unbounded). */
  repeat: number;
  /** The periods the firing stands for, earliest first (at most `maxNamedPeriods`). */
  missed: Date[];
  missedCount: number;
}

/**
 * Null when `firstDue`, the due date the cycle was (re)armed with, lies after `now`. Otherwise the periods of the
 * series due by now (`firstDue` and those after it, at most `repeat` of them) are caught up by one firing now:
 * firing each of them at once would send the same bevakning many times in the same minute.
 */
export function catchUpCycle(cycle: TimerCycle, firstDue: Date, repeat: number, now: Date): CaughtUpCycle | null {
  if (firstDue.getTime() > now.getTime()) return null;
  // An unanchored series goes on from its first missed period, as it would have period by period.
  const base = cycle.start ?? firstDue;
  const first = periodsUntil(base, cycle.duration, firstDue);
  let last = periodsUntil(base, cycle.duration, now);
  if (repeat !== -1) last = Math.min(last, first + repeat - 1);
  const missedCount = last - first + 1;
  const missed = [firstDue];
  for (let k = first + 1; k <= last && missed.length < maxNamedPeriods; k++) missed.push(addDuration(base, cycle.duration, k));
  const due = last === first ? firstDue : addDuration(base, cycle.duration, last);
  return { due, repeat: repeat === -1 ? -1 : repeat - (missedCount - 1), missed, missedCount };
}
