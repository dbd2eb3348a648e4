// Parses ISO 8601 durations (P14D, P3M, P1Y2M10DT2H30M, P2W, PT36H) into their parts.
import { durationProblem } from './duration-problem.js';
import { TimerError } from './timer-error.js';

/** The whole-number parts of an ISO 8601 duration. */
export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION =
  /^P(?:(\d{1,6})Y)?(?:(\d{1,6})M)?(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,7})H)?(?:(\d{1,7})M)?(?:(\d{1,9})S)?)?$/;

/**
 * The parts of an ISO 8601 duration in whole numbers, e.g. P1Y2M10DT2H30M.
 * @throws TimerError for anything else (negative or fractional values, lower case, blanks, an empty P or T), saying
 *   which (duration-problem.ts).
 */
export function parseIsoDuration(text: string): DurationParts {
  if (text.startsWith('-')) throw new TimerError('En varaktighet kan inte vara negativ.');
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    throw new TimerError(durationProblem(text));
  }
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return {
    years: years ?? 0,
    months: months ?? 0,
    weeks: weeks ?? 0,
    days: days ?? 0,
    hours: hours ?? 0,
    minutes: minutes ?? 0,
    seconds: seconds ?? 0,
  };
}

/** True when every part is zero (PT0S, P0D), i.e. a timer that is due at once. */
export function isZeroDuration(parts: DurationParts): boolean {
  return Object.values(parts).every((value) => value === 0);
}
