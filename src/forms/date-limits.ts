// Plausibility limits on date fields: a day the diagram names, or today moved by an ISO duration, so "not after today"
// for a decision date is `max = today`, and "at most five years back" is `min = today-P5Y`.
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { isCalendarDate } from './field-schema.js';

const relative = /^today(?:([+-])P(?:(\d{1,3})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,5})D)?)?$/;

/** Why `spec` is not a date limit, or null when it is one. */
export function dateLimitProblem(spec: string): string | null {
  if (isCalendarDate(spec)) return null;
  const match = relative.exec(spec);
  if (match && (match[1] === undefined || match.slice(2).some((part) => part !== undefined))) return null;
  return `behöver ett datum (2020-01-01) eller today, today-P5Y, today+P1M som config, inte "${spec}".`;
}

/** The day `spec` names when today is `today` (both YYYY-MM-DD); months end-clamped (2027-03-31 - P1M = 2027-02-28). */
export function dateLimitOn(spec: string, today: string): string {
  if (isCalendarDate(spec)) return spec;
  const match = relative.exec(spec);
  if (!match) throw new Error(`not a date limit: ${spec}`);
  const sign = match[1] === '-' ? -1 : 1;
  const [years, months, weeks, days] = match.slice(2).map((part) => sign * Number(part ?? 0));
  let day = parseISO(today);
  day = addYears(day, years!);
  day = addMonths(day, months!);
  day = addWeeks(day, weeks!);
  day = addDays(day, days!);
  return format(day, 'yyyy-MM-dd');
}
