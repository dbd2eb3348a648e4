// Which history entries a person reads first, and the history as CSV. The engine's own passages (a gateway or event
// entered and left) are all kept and a click away; by default the page shows what people did and what the deadlines
// did: tasks, decisions, messages, bevakningar, timers, incidents and the register's changes.
import { stringify } from 'csv-stringify/sync';
import type { HistoryEntry } from '../../runtime/index.js';
import { describeEntry, entryDetails } from './case-history-text.js';

/** Entry types of the engine passing through a step, hidden by default. */
const passages = new Set(['activity.entered', 'activity.left', 'activity.cancelled']);

export function isPeoplesStep(entry: Pick<HistoryEntry, 'type'>): boolean {
  return !passages.has(entry.type);
}

/** The history as CSV for a Swedish spreadsheet (semicolons, a BOM): time, who, what happened and its values. */
export function historyCsv(history: readonly HistoryEntry[]): string {
  const rows = history.map((entry) => [
    entry.at,
    entry.actor === 'system' ? 'Systemet' : (entry.actor ?? ''),
    describeEntry(entry),
    entryDetails(entry).map((d) => `${d.label}: ${d.value}`).join('; '),
  ]);
  // A leading = + - @ would be read as a formula by a spreadsheet; csv-stringify's `escape_formulas` quotes them.
  return '\ufeff' + stringify([['Tid', 'Vem', 'Händelse', 'Uppgifter'], ...rows], { delimiter: ';', escape_formulas: true });
}
