// When a decision not executed must be reported to IVO: the same rule the quarterly report applies, for one decision.
import { addCalendar } from '../timers/index.js';
import type { IvoConfig } from './ivo-config.js';
import { parseQuarter, quarterOf, type Quarter } from './quarter.js';

export interface IvoReporting {
  /** The day the decision (or an interruption) has waited the threshold (3 months) and must be reported. */
  reportableFrom: string;
  /** The quarter whose report it is in next (`2027Q1`), and in words (`kvartal 1 2027`). */
  quarter: string;
  quarterName: string;
  /** That report's window at IVO: from, and the last day it may be sent. */
  windowFrom: string;
  dueBy: string;
}

/** `startDay` (the decision day, or the day it was interrupted) plus the threshold, months clamped to the month's end. */
export function reportableFrom(startDay: string, config: IvoConfig): string {
  return addCalendar(startDay, 'months', config.thresholdMonths);
}

/**
 * The next report a decision still waiting at `today` belongs in: the first quarter from the one it becomes
 * reportable in whose reporting window has not closed. A decision reportable in December is in the fourth quarter's
 * report, sent in January; after that window it is in the next quarter's (as a follow-up), and so on.
 */
export function ivoReportingFor(startDay: string, today: string, config: IvoConfig): IvoReporting {
  const from = reportableFrom(startDay, config);
  let quarter = quarterContaining(from, config);
  while (quarter.reportingWindow.to < today) quarter = quarterContaining(addCalendar(quarter.to, 'days', 1), config);
  const [year, q] = quarter.label.split('Q');
  return { reportableFrom: from, quarter: quarter.label, quarterName: `kvartal ${q} ${year}`, windowFrom: quarter.reportingWindow.from, dueBy: quarter.reportingWindow.to };
}

function quarterContaining(day: string, config: IvoConfig): Quarter {
  return parseQuarter(quarterOf(day), config)!;
}
