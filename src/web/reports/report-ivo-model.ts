// What the IVO report page shows: the quarter picker, the period and reporting window, and the rows as table text.
import type { IvoReport, IvoReportRow } from '../../reports/index.js';
import { quarterPageModel } from '../shared/report-quarters.js';

const kindLabels: Record<IvoReportRow['rapporttyp'], string> = { ny: 'Ny', återrapport: 'Återrapport', verkställt: 'Verkställt', avslutat: 'Avslutat' };

/** One row as the page shows it; dates stay YYYY-MM-DD for the formatDay helper. */
function rowModel(row: IvoReportRow) {
  return {
    instanceId: row.instanceId,
    caseLabel: row.businessKey ?? 'Öppna ärendet',
    rapporttyp: kindLabels[row.rapporttyp],
    avbrott: row.grund === 'avbrott' ? row.avbrottsdatum : null,
    insats: row.insats,
    lag: row.lag,
    beslutsdatum: row.beslutsdatum,
    rapporteringspliktigFran: row.rapporteringspliktigFran,
    kon: row.kon ?? '–',
    skal: row.skalTillDrojsmal,
    erbjudanden: row.erbjudanden,
    tackatNej: row.tackatNej,
    verkstalltDatum: row.verkstalltDatum,
    avslutatDatum: row.avslutatDatum,
    avslutsorsak: row.avslutsorsak,
  };
}

/** The page for a computed report, or (report null) the picker alone with the message why there is none. */
export function ivoPageModel(today: string, report: IvoReport | null, error: string | null = null) {
  const body = report && { period: report.period, reportingWindow: report.reportingWindow, rows: report.rows.map(rowModel) };
  return quarterPageModel(today, report, error, '/api/reports/ivo', body);
}
