// Calendar arithmetic for due dates in Europe/Stockholm, and parsing of ISO dates and date-times.
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { parseIsoDuration } from './iso-duration.js';
import { TimerError } from './timer-error.js';

/** The time zone every due date is computed in. */
export const STOCKHOLM = 'Europe/Stockholm';

/**
 * `date` plus `times` × the ISO duration: years and months as calendar months clamped to the month's
 * last day (2027-01-31 + P3M = 2027-04-30), weeks and days as calendar days keeping the Stockholm
 * wall-clock time across DST, hours, minutes and seconds as elapsed time. Every part is multiplied
 * before adding, so P3M × 2 from 31 January is 31 July, not 30 July.
 * @throws TimerError when the duration does not parse or the result is not a representable date.
 */
export function addDuration(date: Date, duration: string, times = 1): Date {
  if (!Number.isSafeInteger(times) || times < 0) throw new TimerError('Antalet perioder måste vara ett heltal ≥ 0.');
  const parts = parseIsoDuration(duration);
  let local = new TZDate(date.getTime(), STOCKHOLM);
  local = addMonths(local, (parts.years * 12 + parts.months) * times);
  local = addDays(local, (parts.weeks * 7 + parts.days) * times);
  const elapsedMs = ((parts.hours * 60 + parts.minutes) * 60 + parts.seconds) * 1000 * times;
  const result = new Date(local.getTime() + elapsedMs);
  if (Number.isNaN(result.getTime())) throw new TimerError('Tidpunkten hamnar utanför det som går att räkna med.');
  return result;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const FORMAT_MESSAGE =
  'Skriv ett datum som 2027-04-30 eller en tidpunkt i ISO 8601, t.ex. 2027-04-30T08:00:00+02:00 eller 2027-04-30T08:00.';

/**
 * 'YYYY-MM-DD' → that day 00:00 in Stockholm; an ISO date-time with Z or an offset → that instant;
 * an ISO date-time without offset → Stockholm local time.
 * @throws TimerError for anything else, including days that do not exist (2027-02-30).
 */
export function parseDateOrDateTime(text: string): Date {
  const match = DATE.exec(text) ?? DATE_TIME.exec(text);
  if (!match) throw new TimerError(`Datumet kan inte tolkas. ${FORMAT_MESSAGE}`);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((group) => Number(match[group] ?? 0));
  const millisecond = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const zone = match[8];
  if (!isRealTime(year!, month!, day!, hour!, minute!, second!)) {
    throw new TimerError('Datumet eller klockslaget finns inte i kalendern.');
  }
  if (zone === undefined) {
    return new Date(new TZDate(year!, month! - 1, day!, hour!, minute!, second!, millisecond, STOCKHOLM).getTime());
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year!, month! - 1, day!);
  utc.setUTCHours(hour!, minute!, second!, millisecond);
  return new Date(utc.getTime() - offsetMinutes(zone) * 60_000);
}

function isRealTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > getDaysInMonth(new Date(year, month - 1, 1))) return false;
  return hour <= 23 && minute <= 59 && second <= 59;
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) throw new TimerError(`Tidszonen ${zone} finns inte. ${FORMAT_MESSAGE}`);
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
