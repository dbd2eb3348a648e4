// The reports the runtime serves: the IVO report of a quarter and the waiting times behind the statistics.
import { AppError } from '../errors.js';
import type { IvoConfig } from './ivo-config.js';
import { buildIvoReport, type IvoReport, type ReportableCase } from './ivo-report.js';
import { parseQuarter } from './quarter.js';
import { waitingTimes, type WaitingTime } from './waiting-times.js';

export interface ReportServiceDeps {
  /** Every case with its process's properties, as they stand now. */
  cases: () => ReportableCase[];
  ivoConfig: IvoConfig;
}

export function createReportService({ cases, ivoConfig }: ReportServiceDeps) {
  return {
    /** Decisions not executed within 3 months, for one quarter (`2027Q1`); bad_request for another label. */
    ivoReport(quarter: string): IvoReport {
      const period = parseQuarter(quarter, ivoConfig);
      if (!period) throw new AppError('bad_request', 'Ange kvartalet som ÅÅÅÅQn, till exempel 2027Q1.');
      return buildIvoReport(cases(), period, ivoConfig);
    },

    /** Every favourable LSS/SoL decision with its execution day, the cases the IVO report reads (handed-over ones excluded). */
    waitingTimes(): WaitingTime[] {
      return waitingTimes(cases());
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
