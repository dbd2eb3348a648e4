// The de-identified quarterly statistics for the council and the auditors (SoL 16 kap. 6 h §, LSS 28 h §): per law,
// insats and kön, how many decisions were not executed within 3 months and how long they had waited.
import type { IvoConfig } from './ivo-config.js';
import { buildIvoReport, type IvoReportRow, type ReportableCase } from './ivo-report.js';
import type { Quarter } from './quarter.js';

/** What a row says when the decision holds no kön. */
export const konSaknas = 'uppgift saknas';

/** One group; nothing in it names, identifies or dates a person. */
export interface StatistikRow {
  law: 'LSS' | 'SoL';
  insats: string;
  kon: string;
  antal: number;
  dagarSedanBeslut: { median: number; max: number };
}

export interface StatistikReport {
  quarter: string;
  rows: StatistikRow[];
}

/**
 * The quarter's decisions are exactly those with a `beslut` row in its IVO report, so the two can never disagree.
 * Interruptions (`avbrott` rows) are left out: they count from the interruption day, not the decision day, and the
 * report's rows do not hold the day of resumption their wait would need.
 */
export function buildStatistikReport(cases: ReportableCase[], quarter: Quarter, config: IvoConfig): StatistikReport {
  const groups = new Map<string, { law: StatistikRow['law']; insats: string; kon: string; days: number[] }>();
  for (const row of buildIvoReport(cases, quarter, config).rows) {
    if (row.grund !== 'beslut') continue;
    const kon = row.kon ?? konSaknas;
    const key = JSON.stringify([row.lag, row.insats, kon]);
    const group = groups.get(key) ?? { law: row.lag, insats: row.insats, kon, days: [] };
    group.days.push(daysSinceDecision(row, quarter));
    groups.set(key, group);
  }
  const rows = [...groups.values()].map(({ law, insats, kon, days }) => ({
    law,
    insats,
    kon,
    antal: days.length,
    dagarSedanBeslut: { median: medianDays(days), max: Math.max(...days) },
  }));
  rows.sort((a, b) => a.law.localeCompare(b.law, 'sv') || a.insats.localeCompare(b.insats, 'sv') || a.kon.localeCompare(b.kon, 'sv'));
  return { quarter: quarter.label, rows };
}

/** To the day it was executed or closed when that fell in the quarter, else to the quarter's last day. */
function daysSinceDecision(row: IvoReportRow, quarter: Quarter): number {
  // The same end the IVO report reads: the first execution, or failing that the first closing.
  const ended = row.verkstalltDatum ?? row.avslutatDatum;
  const until = ended !== null && ended >= quarter.from && ended <= quarter.to ? ended : quarter.to;
  return daysBetween(row.beslutsdatum, until);
}

/** The middle value; of an even count the mean of the two middle ones, rounded down so it stays whole days. */
export function medianDays(days: readonly number[]): number {
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.floor((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Whole calendar days from one day (YYYY-MM-DD) to another; both are plain dates, so UTC midnight is exact. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
