// What the quarterly statistics page shows: the quarter picker and, per law, insats and kön, the counts and days.
import type { StatistikReport } from '../../reports/index.js';
import { quarterPageModel } from '../shared/report-quarters.js';

/** The page for a computed report, or (report null) the picker alone with the message why there is none. */
export function statistikPageModel(today: string, report: StatistikReport | null, error: string | null = null) {
  // The rows go through as they are: they hold no person, so there is nothing to leave out here.
  const body = report && { rows: report.rows, total: report.rows.reduce((sum, row) => sum + row.antal, 0) };
  return quarterPageModel(today, report, error, '/api/reports/statistik', body);
}
