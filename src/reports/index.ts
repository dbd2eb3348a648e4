// The reports computed from the cases: the IVO report and the de-identified statistics per quarter (JSON and CSV),
// and the waiting times.
export { type IvoConfig, loadIvoConfig } from './ivo-config.js';
export { ivoReportCsv } from './ivo-csv.js';
export type { IvoReport, IvoReportRow } from './ivo-report.js';
export type { IvoReporting } from './ivo-reporting.js';
export { createReportService } from './report-service.js';
export { statistikReportCsv } from './statistik-csv.js';
export type { StatistikReport, StatistikRow } from './statistik-report.js';
export type { WaitingTime } from './waiting-times.js';
export { quarterOf } from './quarter.js';
