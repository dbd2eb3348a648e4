// The IVO report as CSV (semicolon-separated, as Swedish spreadsheet programs expect), written by csv-stringify.
import { stringify } from 'csv-stringify/sync';
import type { IvoReport } from './ivo-report.js';

const columns = [
  ['rapporttyp', 'Rapporttyp'],
  ['grund', 'Grund'],
  ['insats', 'Insats'],
  ['lag', 'Lag'],
  ['lagrum', 'Lagrum'],
  ['beslutsdatum', 'Beslutsdatum'],
  ['avbrottsdatum', 'Avbrottsdatum'],
  ['rapporteringspliktigFran', 'Rapporteringspliktig från'],
  ['kon', 'Kön'],
  ['brukare', 'Brukare (referens)'],
  ['businessKey', 'Ärendenummer'],
  ['skalTillDrojsmal', 'Skäl till dröjsmål'],
  ['erbjudanden', 'Datum för erbjudanden'],
  ['tackatNej', 'Tackat nej (datum: skäl)'],
  ['verkstalltDatum', 'Verkställt datum'],
  ['avslutatDatum', 'Avslutat datum'],
  ['avslutsorsak', 'Avslutsorsak'],
  ['instanceId', 'Ärende-id i systemet'],
] as const;

export function ivoReportCsv(report: IvoReport): string {
  const records = report.rows.map((row) =>
    columns.map(([key]) => {
      const value = row[key];
      if (key === 'erbjudanden') return row.erbjudanden.join(', ');
      if (key === 'tackatNej') return row.tackatNej.map((n) => `${n.datum}: ${n.orsak ?? ''}`).join(' | ');
      return value === null || value === undefined ? '' : String(value);
    }),
  );
  // The BOM makes Excel read the file as UTF-8 (å, ä, ö); every value is quoted when needed, so formulas stay text.
  return '\ufeff' + stringify([columns.map(([, header]) => header), ...records.map(neutralizeFormulas)], { delimiter: ';' });
}

/** A cell that starts with = + - @ would run as a formula in a spreadsheet; a leading apostrophe keeps it text. */
export function neutralizeFormulas(record: string[]): string[] {
  return record.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell));
}
