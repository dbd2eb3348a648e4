// The reports the runtime serves: the IVO report and the de-identified statistics of a quarter, and the waiting
// times behind the statistics page.
import { AppError } from '../errors.js';
import type { IvoConfig } from './ivo-config.js';
import { buildIvoReport, type IvoReport, type ReportableCase } from './ivo-report.js';
import { ivoReportingFor, type IvoReporting } from './ivo-reporting.js';
import { parseQuarter, type Quarter } from './quarter.js';
import { buildStatistikReport, type StatistikReport } from './statistik-report.js';
import { waitingTimes, type WaitingTime } from './waiting-times.js';

export interface ReportServiceDeps {
  /** Every case with its process's properties, as they stand now. */
  cases: () => ReportableCase[];
  ivoConfig: IvoConfig;
}

export function createReportService({ cases, ivoConfig }: ReportServiceDeps) {
  // Both quarterly reports refuse a bad label with the same message.
  const quarterOrThrow = (label: string): Quarter => {
    const period = parseQuarter(label, ivoConfig);
    if (!period) throw new AppError('bad_request', 'Ange kvartalet som ÅÅÅÅQn, till exempel 2027Q1.');
    return period;
  };
  return {
    /** The next IVO report a decision waiting since `startDay` belongs in at `today` (the report's own rule). */
    ivoReportingFor(startDay: string, today: string): IvoReporting {
      return ivoReportingFor(startDay, today, ivoConfig);
    },

    /** Decisions not executed within 3 months, for one quarter (`2027Q1`); bad_request for another label. */
    ivoReport(quarter: string): IvoReport {
      return buildIvoReport(cases(), quarterOrThrow(quarter), ivoConfig);
    },

    /** Per law, insats and kön, the quarter's decisions not executed within 3 months (`2027Q2`), without persons. */
    statistikReport(quarter: string): StatistikReport {
      return buildStatistikReport(cases(), quarterOrThrow(quarter), ivoConfig);
    },

    /** Every favourable LSS/SoL decision with its execution day, the cases the IVO report reads (handed-over ones excluded). */
    waitingTimes(): WaitingTime[] {
      return waitingTimes(cases());
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
