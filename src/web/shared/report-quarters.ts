// Calendar quarters for the report pages: the quarter a day falls in, the recent ones to pick from, days between days.

import { quarterOf } from '../../reports/index.js';

export { quarterOf };

/** The quarter `count` quarters before `quarter` (`2027Q1`, 1 → `2026Q4`). */
export function quarterBefore(quarter: string, count = 1): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(5)) - 1 - count;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/** The quarter of `today` and the `count - 1` before it, newest first. */
export function recentQuarters(today: string, count = 8): string[] {
  const current = quarterOf(today);
  return Array.from({ length: count }, (_, i) => quarterBefore(current, i));
}

/** "Kvartal 1 2027" for `2027Q1`; the label itself for anything else. */
export function quarterName(quarter: string): string {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  return match ? `Kvartal ${match[2]} ${match[1]}` : quarter;
}

/** Whole calendar days from one day (YYYY-MM-DD) to another; negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The picker's options: the quarter of `today` and the seven before it, plus `selected` when it is older. */
export function quarterOptions(today: string, selected: string | null) {
  const quarters = recentQuarters(today, 8);
  if (selected && /^\d{4}Q[1-4]$/.test(selected) && !quarters.includes(selected)) quarters.push(selected);
  quarters.sort((a, b) => b.localeCompare(a));
  return quarters.map((value) => ({ value, label: quarterName(value), selected: value === selected }));
}

/** What every quarterly report page shows around its table: the picker, why there is no report, its name and CSV. */
export function quarterPageModel<T extends object>(today: string, report: { quarter: string } | null, error: string | null, csvPath: string, body: T | null) {
  return {
    quarters: quarterOptions(today, report ? report.quarter : null),
    error,
    report: report && body && { quarter: report.quarter, name: quarterName(report.quarter), csvHref: `${csvPath}?quarter=${encodeURIComponent(report.quarter)}&format=csv`, ...body },
  };
}
