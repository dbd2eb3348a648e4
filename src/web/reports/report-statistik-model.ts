// What the quarterly statistics page shows: the quarter picker and, per law, insats and kön, the counts and days.
import type { StatistikReport } from '../../reports/index.js';
import { quarterName } from '../shared/report-quarters.js';
import { quarterOptions } from './report-ivo-model.js';

/** The page for a computed report, or (report null) the picker alone with the message why there is none. */
export function statistikPageModel(today: string, report: StatistikReport | null, error: string | null = null) {
  return {
    quarters: quarterOptions(today, report ? report.quarter : null),
    error,
    report: report && {
      quarter: report.quarter,
      name: quarterName(report.quarter),
      csvHref: `/api/reports/statistik?quarter=${encodeURIComponent(report.quarter)}&format=csv`,
      // The rows go through as they are: they hold no person, so there is nothing to leave out here.
      rows: report.rows,
      total: report.rows.reduce((sum, row) => sum + row.antal, 0),
    },
  };
}
