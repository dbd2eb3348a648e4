// Calendar days in Stockholm, and Swedish working days (weekends and holidays from date-holidays, not a hand list).
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { createRequire } from 'node:module';
import type HolidaysType from 'date-holidays';
import { addDuration, parseDateOrDateTime, STOCKHOLM } from './date-math.js';

// date-holidays reads every country's rules when loaded (half a second): it is loaded the first time a working day is
// asked for, so a process that never counts working days (most tests, a script) does not pay for it.
const require = createRequire(import.meta.url);
let swedishHolidays: HolidaysType | null = null;
function holidays(): HolidaysType {
  swedishHolidays ??= new (require('date-holidays') as typeof HolidaysType)('SE');
  return swedishHolidays;
}

/** The day (YYYY-MM-DD) it is in Stockholm at that instant. */
export function stockholmDay(instant: Date): string {
  return format(new TZDate(instant.getTime(), STOCKHOLM), 'yyyy-MM-dd');
}

/**
 * A working day: Monday to Friday and not a Swedish public holiday; the de facto days off (midsommarafton,
 * julafton, nyårsafton, which date-holidays lists as bank holidays) count as holidays too.
 */
export function isWorkingDay(day: string): boolean {
  const noon = new TZDate(`${day}T12:00:00`, STOCKHOLM);
  const weekday = noon.getDay();
  if (weekday === 0 || weekday === 6) return false;
  const found = holidays().isHoliday(new Date(noon.getTime()));
  return !(found && found.some((h) => h.type === 'public' || h.type === 'bank'));
}

/** `count` working days after `day` (count 1 = the next working day). */
export function addWorkingDays(day: string, count: number): string {
  let current = parseDateOrDateTime(day);
  let left = count;
  while (left > 0) {
    current = addDays(new TZDate(current.getTime(), STOCKHOLM), 1);
    if (isWorkingDay(stockholmDay(current))) left--;
  }
  return stockholmDay(current);
}

/** `count` calendar days or months after `day`, months clamped to the month's last day. */
export function addCalendar(day: string, unit: 'days' | 'months', count: number): string {
  return stockholmDay(addDuration(parseDateOrDateTime(day), unit === 'days' ? `P${count}D` : `P${count}M`));
}
