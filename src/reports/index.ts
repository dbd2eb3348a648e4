// The reports computed from the cases: the IVO report per quarter (JSON and CSV) and the waiting times.
export { type IvoConfig, loadIvoConfig } from './ivo-config.js';
export { ivoReportCsv } from './ivo-csv.js';
export type { IvoReport, IvoReportRow } from './ivo-report.js';
export { createReportService } from './report-service.js';
export type { WaitingTime } from './waiting-times.js';
