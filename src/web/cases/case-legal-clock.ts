// The legal clock of a case: days since the decision, the next IVO report date while not executed, open tasks' deadlines.
import { differenceInCalendarDays } from 'date-fns';
import type { Decision, HistoryEntry, InstanceState } from '../../runtime/index.js';
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
  /** The day an executed decision was interrupted and not yet resumed: its reporting counts from this day. */
  interruptedOn: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Computes the clock at `now` (an ISO instant of the runtime's clock): from the case's decision when it carries one
 * (its status decides; an interruption restarts the count from its day), otherwise from its variables and history.
 * Months are calendar months clamped to the month's end (2027-01-31 + 3 months = 2027-04-30).
 */
export function legalClock(variables: Record<string, unknown>, history: readonly HistoryEntry[], state: InstanceState, now: string, decision: Decision | null = null): LegalClock {
  const today = stockholmDay(new Date(now));
  if (decision) return decisionClock(decision, today);
  const beslut = variables.beslutsdatum;
  const executedOn = caseEventDay(history, 'case.verkstallt');
  if (typeof beslut !== 'string' || !DAY.test(beslut)) {
    return { beslutsdatum: null, daysSinceDecision: null, executedOn, nextIvoReport: null, noReportReason: null, interruptedOn: null };
  }
  const noReportReason = executedOn
    ? 'Beslutet är verkställt.'
    : history.some((e) => e.type === 'case.avslutat')
      ? 'Ärendet är avslutat utan verkställighet.'
      : history.some((e) => e.type === 'case.overlamnad')
        ? 'Ärendet har lämnats över till ett annat ärende, som rapporterar.'
        : state !== 'running'
          ? 'Ärendet pågår inte längre.'
          : null;
  return { beslutsdatum: beslut, daysSinceDecision: daysBetween(beslut, today), executedOn, nextIvoReport: noReportReason ? null : nextReportDay(beslut, today), noReportReason, interruptedOn: null };
}

/** The decision's own clock: it runs while the decision waits, whatever became of the case that carries it. */
function decisionClock(decision: Decision, today: string): LegalClock {
  const base = { beslutsdatum: decision.beslutsdatum, daysSinceDecision: daysBetween(decision.beslutsdatum, today), executedOn: decision.verkstalltDatum };
  if (decision.events.some((e) => e.type === 'overlamnad')) {
    return { ...base, nextIvoReport: null, noReportReason: 'Beslutet har lämnats över till ett annat ärende, som rapporterar.', interruptedOn: null };
  }
  if (decision.status === 'avbrott') {
    const interruptedOn = decision.events.filter((e) => e.type === 'avbrott').at(-1)!.date;
    return { ...base, nextIvoReport: nextReportDay(interruptedOn, today), noReportReason: null, interruptedOn };
  }
  const noReportReason = decision.status === 'verkstallt' ? 'Beslutet är verkställt.' : decision.status === 'avslutat' ? 'Beslutet är avslutat.' : null;
  return { ...base, nextIvoReport: noReportReason ? null : nextReportDay(decision.beslutsdatum, today), noReportReason, interruptedOn: null };
}

function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(dayDate(to), dayDate(from));
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
