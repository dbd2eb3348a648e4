// The legal clock of a case: days since the decision, the next IVO report date while not executed, open tasks' deadlines.
import { differenceInCalendarDays } from 'date-fns';
import type { HistoryEntry, InstanceState } from '../../runtime/index.js';
import { addCalendar, stockholmDay } from '../../timers/index.js';

/** IVO must be told of a decision not executed within 3 months, and again every 3 months until it is. */
export const ivoIntervalMonths = 3;

export interface LegalClock {
  /** The decision day (YYYY-MM-DD), or null when the case has none. */
  beslutsdatum: string | null;
  daysSinceDecision: number | null;
  /** The day the decision was executed (the first `case.verkstallt`), or null. */
  executedOn: string | null;
  /** Today or the next day that is beslutsdatum + 3, 6, 9 … months, while the case runs and is not executed. */
  nextIvoReport: string | null;
  /** Why there is no next report date, in Swedish; null when there is one or no decision date. */
  noReportReason: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Computes the clock at `now` (an ISO instant of the runtime's clock) from the case's variables and history.
 * Months are calendar months clamped to the month's end (2027-01-31 + 3 months = 2027-04-30).
 */
export function legalClock(variables: Record<string, unknown>, history: readonly HistoryEntry[], state: InstanceState, now: string): LegalClock {
  const beslut = variables.beslutsdatum;
  const executedOn = caseEventDay(history, 'case.verkstallt');
  if (typeof beslut !== 'string' || !DAY.test(beslut)) {
    return { beslutsdatum: null, daysSinceDecision: null, executedOn, nextIvoReport: null, noReportReason: null };
  }
  const today = stockholmDay(new Date(now));
  const daysSinceDecision = differenceInCalendarDays(dayDate(today), dayDate(beslut));
  const noReportReason = executedOn
    ? 'Beslutet är verkställt.'
    : history.some((e) => e.type === 'case.avslutat')
      ? 'Ärendet är avslutat utan verkställighet.'
      : history.some((e) => e.type === 'case.overlamnad')
        ? 'Ärendet har lämnats över till ett annat ärende, som rapporterar.'
        : state !== 'running'
          ? 'Ärendet pågår inte längre.'
          : null;
  return { beslutsdatum: beslut, daysSinceDecision, executedOn, nextIvoReport: noReportReason ? null : nextReportDay(beslut, today), noReportReason };
}

/** The first multiple of the interval after the decision that falls today or later. */
export function nextReportDay(beslutsdatum: string, today: string): string {
  // Months since the decision bring the search close; the loop then steps by whole intervals (a few steps at most).
  const monthsApart = Math.max(0, Math.floor(differenceInCalendarDays(dayDate(today), dayDate(beslutsdatum)) / 31));
  let times = Math.max(1, Math.floor(monthsApart / ivoIntervalMonths));
  let day = addCalendar(beslutsdatum, 'months', times * ivoIntervalMonths);
  while (day < today) day = addCalendar(beslutsdatum, 'months', ++times * ivoIntervalMonths);
  return day;
}

function caseEventDay(history: readonly HistoryEntry[], type: string): string | null {
  const date = history.find((e) => e.type === type)?.data?.date;
  return typeof date === 'string' ? date : null;
}

/** A day as a date at noon UTC, so calendar-day differences never trip over a time zone shift. */
function dayDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
