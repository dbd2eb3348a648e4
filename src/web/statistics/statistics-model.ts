// The steering group's figures: days from decision to execution per type of housing and per quarter of decision.
import type { WaitingTime } from '../../reports/index.js';
import { daysBetween, quarterName, quarterOf } from '../shared/report-quarters.js';
import { barChart, formatNumber, type ChartSeries, type SvgBarChart } from '../shared/svg-chart.js';

/** The figures of one group of decisions (one insats, one quarter, or all). */
export interface WaitingFigures {
  label: string;
  /** Decisions executed (a `verkstallt` day). */
  executed: number;
  /** Median and longest days from decision to execution, over the executed ones; null when none is. */
  medianDays: number | null;
  maxDays: number | null;
  /** Neither executed nor closed. */
  stillWaiting: number;
  /** Of those still waiting, the longest wait so far in days (to `today`); null when none waits. */
  longestWaitingDays: number | null;
  /** Closed without being executed. */
  closed: number;
}

export interface WaitingStatistics {
  byInsats: WaitingFigures[];
  byQuarter: WaitingFigures[];
  total: WaitingFigures;
}

/** The middle value, or the mean of the two middle ones; null for no values. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The figures of one group, with waits still running counted up to `today` (YYYY-MM-DD). */
export function waitingFigures(label: string, times: readonly WaitingTime[], today: string): WaitingFigures {
  const waits = times.filter((t) => t.verkstalltDatum !== null).map((t) => daysBetween(t.beslutsdatum, t.verkstalltDatum!));
  const waiting = times.filter((t) => t.verkstalltDatum === null && t.avslutatDatum === null).map((t) => Math.max(0, daysBetween(t.beslutsdatum, today)));
  return {
    label,
    executed: waits.length,
    medianDays: median(waits),
    maxDays: waits.length ? Math.max(...waits) : null,
    stillWaiting: waiting.length,
    longestWaitingDays: waiting.length ? Math.max(...waiting) : null,
    closed: times.filter((t) => t.verkstalltDatum === null && t.avslutatDatum !== null).length,
  };
}

/** Groups by insats (alphabetical) and by quarter of decision (oldest first), with the total over all. */
export function waitingStatistics(times: readonly WaitingTime[], today: string): WaitingStatistics {
  const grouped = (key: (t: WaitingTime) => string) => {
    const groups = new Map<string, WaitingTime[]>();
    for (const t of times) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
    return groups;
  };
  const byInsats = [...grouped((t) => t.insats)].sort(([a], [b]) => a.localeCompare(b, 'sv')).map(([insats, group]) => waitingFigures(insats, group, today));
  const byQuarter = [...grouped((t) => quarterOf(t.beslutsdatum))].sort(([a], [b]) => a.localeCompare(b)).map(([q, group]) => waitingFigures(quarterName(q), group, today));
  return { byInsats, byQuarter, total: waitingFigures('Alla beslut', times, today) };
}

const daySeries: ChartSeries[] = [{ label: 'Median', colour: '#00548a' }, { label: 'Längsta', colour: '#8a5a00' }];
const countSeries: ChartSeries[] = [{ label: 'Verkställda', colour: '#1e6b2f' }, { label: 'Väntar fortfarande', colour: '#b00020' }];

/** A table row as text: numbers in Swedish, "–" for none. */
function tableRow(f: WaitingFigures) {
  const text = (v: number | null) => (v === null ? '–' : formatNumber(v));
  return { label: f.label, executed: text(f.executed), medianDays: text(f.medianDays), maxDays: text(f.maxDays), stillWaiting: text(f.stillWaiting), longestWaitingDays: text(f.longestWaitingDays), closed: text(f.closed) };
}

function section(id: string, heading: string, groupHeader: string, per: string, figures: WaitingFigures[]) {
  const charts: SvgBarChart[] = figures.length
    ? [
        barChart({ id: `${id}-dagar`, title: `Dagar från beslut till verkställighet ${per}`, description: `Stapeldiagram med median och längsta väntetid i dagar ${per}, för verkställda beslut. Samma siffror finns i tabellen nedan.`, unit: 'd', series: daySeries, groups: figures.map((f) => ({ label: f.label, values: [f.medianDays, f.maxDays] })) }),
        barChart({ id: `${id}-antal`, title: `Verkställda och väntande beslut ${per}`, description: `Stapeldiagram med antal verkställda beslut och antal som fortfarande väntar ${per}. Samma siffror finns i tabellen nedan.`, unit: 'st', wholeNumbers: true, series: countSeries, groups: figures.map((f) => ({ label: f.label, values: [f.executed, f.stillWaiting] })) }),
      ]
    : [];
  return { id, heading, groupHeader, caption: `Väntetider ${per}`, charts, rows: figures.map(tableRow) };
}

/** What the statistics page shows: per grouping its charts and its table (the charts' text alternative). */
export function statisticsPageModel(times: readonly WaitingTime[], today: string) {
  const stats = waitingStatistics(times, today);
  return {
    today,
    sections: [section('per-insats', 'Per insats', 'Insats', 'per insats', stats.byInsats), section('per-kvartal', 'Per kvartal för beslutet', 'Kvartal', 'per kvartal för beslutet', stats.byQuarter)],
    total: tableRow(stats.total),
  };
}
