// The quarterly statistics as CSV, semicolon-separated like the IVO report's, written by csv-stringify.
import { stringify } from 'csv-stringify/sync';
import { neutralizeFormulas } from './ivo-csv.js';
import type { StatistikReport } from './statistik-report.js';

const headers = ['Lag', 'Insats', 'Kön', 'Antal beslut', 'Dagar sedan beslut (median)', 'Dagar sedan beslut (max)'];

export function statistikReportCsv(report: StatistikReport): string {
  const records = report.rows.map((row) => [row.law, row.insats, row.kon, String(row.antal), String(row.dagarSedanBeslut.median), String(row.dagarSedanBeslut.max)]);
  // The BOM makes Excel read å, ä, ö; the insats may come from a form, so a formula-like one is kept as text.
  return '\ufeff' + stringify([headers, ...records.map(neutralizeFormulas)], { delimiter: ';' });
}
