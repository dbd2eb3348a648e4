// Repeating timers: parses R[n]/<duration> and R[n]/<start>/<duration>, and finds the next due date of a series.
import { addDuration, parseDateOrDateTime } from './date-math.js';
import { isZeroDuration, parseIsoDuration } from './iso-duration.js';
import { TimerError } from './timer-error.js';

/** A series: anchored at `start` (every `start + k × duration`) or, without a start, one period after the last. */
export interface TimerCycle {
  start: Date | null;
  duration: string;
}

/** A parsed cycle; `repeat` is -1 for unbounded, else the total number of firings. */
export interface ParsedCycle {
  repeat: number;
  cycle: TimerCycle;
}

const REPEAT = /^R(-1|\d{1,6})?$/;
const FORMAT_MESSAGE =
  'Skriv en upprepning som R/P3M (var tredje månad), R4/P3M (fyra gånger) eller R/2027-04-15/P3M (med startdatum).';

/** @throws TimerError unless the text is `R[n]/<duration>` or `R[n]/<date or date-time>/<duration>`. */
export function parseCycle(text: string): ParsedCycle {
  const parts = text.split('/');
  const repeatMatch = REPEAT.exec(parts[0] ?? '');
  if (!repeatMatch || parts.length < 2 || parts.length > 3) throw new TimerError(`Upprepningen kan inte tolkas. ${FORMAT_MESSAGE}`);
  const repeat = repeatMatch[1] === undefined ? -1 : Number(repeatMatch[1]);
  if (repeat === 0) throw new TimerError(`R0 betyder att timern aldrig löser ut. ${FORMAT_MESSAGE}`);
  const duration = parts[parts.length - 1] ?? '';
  const start = parts.length === 3 ? parseDateOrDateTime(parts[1] ?? '') : null;
  if (isZeroDuration(parseIsoDuration(duration))) throw new TimerError('Upprepningens varaktighet måste vara längre än noll.');
  return { repeat, cycle: { start, duration } };
}

/**
 * The due date after `previousDue`. With a start: the first `start + k × duration` strictly after it,
 * each computed from the start so that month ends do not drift (31 Jan, 30 Apr, 31 Jul, 31 Oct).
 * Without a start: `previousDue + duration`.
 */
export function nextCycleDue(cycle: TimerCycle, previousDue: Date): Date {
  if (cycle.start === null) return addDuration(previousDue, cycle.duration);
  if (cycle.start.getTime() > previousDue.getTime()) return cycle.start;
  return addDuration(cycle.start, cycle.duration, periodsUntil(cycle.start, cycle.duration, previousDue) + 1);
}

/** The largest k ≥ 0 with `start + k × duration` at or before `date` (0 when `date` is before `start`). */
export function periodsUntil(start: Date, duration: string, date: Date): number {
  const after = date.getTime();
  if (start.getTime() >= after) return 0;
  const period = addDuration(start, duration).getTime() - start.getTime();
  if (period <= 0) throw new TimerError('Upprepningens varaktighet måste vara längre än noll.');
  // Estimate k from the first period, then step: months vary in length, but the series only grows.
  let k = Math.floor((after - start.getTime()) / period);
  while (k > 0 && addDuration(start, duration, k).getTime() > after) k--;
  while (addDuration(start, duration, k + 1).getTime() <= after) k++;
  return k;
}
