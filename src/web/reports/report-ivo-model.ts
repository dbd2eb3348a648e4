// What the IVO report page shows: the quarter picker, the period and reporting window, and the rows as table text.
import type { IvoReport, IvoReportRow } from '../../reports/index.js';
import { quarterName, recentQuarters } from '../shared/report-quarters.js';

const kindLabels: Record<IvoReportRow['rapporttyp'], string> = { ny: 'Ny', återrapport: 'Återrapport', verkställt: 'Verkställt', avslutat: 'Avslutat' };

/** The picker's options: the quarter of `today` and the seven before it, plus `selected` when it is older. */
export function quarterOptions(today: string, selected: string | null) {
  const quarters = recentQuarters(today, 8);
  if (selected && /^\d{4}Q[1-4]$/.test(selected) && !quarters.includes(selected)) quarters.push(selected);
  quarters.sort((a, b) => b.localeCompare(a));
  return quarters.map((value) => ({ value, label: quarterName(value), selected: value === selected }));
}

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
  return {
    quarters: quarterOptions(today, report ? report.quarter : null),
    error,
    report: report && {
      quarter: report.quarter,
      name: quarterName(report.quarter),
      period: report.period,
      reportingWindow: report.reportingWindow,
      csvHref: `/api/reports/ivo?quarter=${encodeURIComponent(report.quarter)}&format=csv`,
      rows: report.rows.map(rowModel),
    },
  };
}
