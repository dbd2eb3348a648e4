// The legal clock of a case: days since the decision and, while it is not executed, the IVO report it belongs in,
// by the same rule as the quarterly IVO report (src/reports/ivo-reporting.ts).
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import type { Decision, HistoryEntry, InstanceState, IvoReporting } from '../../runtime/index.js';
import { stockholmDay } from '../../timers/index.js';

/** The report a decision waiting since `startDay` belongs in at `today`: the runtime's `ivoReportingFor`. */
export type ReportingOf = (startDay: string, today: string) => IvoReporting;

export interface LegalClock {
  /** The decision day (YYYY-MM-DD), or null when the case has none. */
  beslutsdatum: string | null;
  daysSinceDecision: number | null;
  /** The day the decision was executed (the first `case.verkstallt`), or null. */
  executedOn: string | null;
  /** While the decision waits: when it becomes reportable, the quarter's report it is in next, and that report's window. */
  ivo: IvoReporting | null;
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
export function legalClock(variables: Record<string, unknown>, history: readonly HistoryEntry[], state: InstanceState, now: string, reportingOf: ReportingOf, decision: Decision | null = null): LegalClock {
  const today = stockholmDay(new Date(now));
  if (decision) return decisionClock(decision, today, reportingOf);
  const beslut = variables.beslutsdatum;
  const executedOn = caseEventDay(history, 'case.verkstallt');
  if (typeof beslut !== 'string' || !DAY.test(beslut)) {
    return { beslutsdatum: null, daysSinceDecision: null, executedOn, ivo: null, noReportReason: null, interruptedOn: null };
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
  return { beslutsdatum: beslut, daysSinceDecision: daysBetween(beslut, today), executedOn, ivo: noReportReason ? null : reportingOf(beslut, today), noReportReason, interruptedOn: null };
}

/** The decision's own clock: it runs while the decision waits, whatever became of the case that carries it. */
function decisionClock(decision: Decision, today: string, reportingOf: ReportingOf): LegalClock {
  const base = { beslutsdatum: decision.beslutsdatum, daysSinceDecision: daysBetween(decision.beslutsdatum, today), executedOn: decision.verkstalltDatum };
  if (decision.events.some((e) => e.type === 'overlamnad')) {
    return { ...base, ivo: null, noReportReason: 'Beslutet har lämnats över till ett annat ärende, som rapporterar.', interruptedOn: null };
  }
  if (decision.status === 'avbrott') {
    const interruptedOn = decision.events.filter((e) => e.type === 'avbrott').at(-1)!.date;
    return { ...base, ivo: reportingOf(interruptedOn, today), noReportReason: null, interruptedOn };
  }
  const noReportReason = decision.status === 'verkstallt' ? 'Beslutet är verkställt.' : decision.status === 'avslutat' ? 'Beslutet är avslutat.' : null;
  return { ...base, ivo: noReportReason ? null : reportingOf(decision.beslutsdatum, today), noReportReason, interruptedOn: null };
}

function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(dayDate(to), dayDate(from));
}

function caseEventDay(history: readonly HistoryEntry[], type: string): string | null {
  const date = history.find((e) => e.type === type)?.data?.date;
  return typeof date === 'string' ? date : null;
}

/** A day as a date at noon UTC, so calendar-day differences never trip over a time zone shift. */
function dayDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
