// A calendar quarter ("2027Q1"): its first and last day and IVO's reporting window for it.
import type { IvoConfig } from './ivo-config.js';

export interface Quarter {
  label: string;
  from: string;
  to: string;
  reportingWindow: { from: string; to: string };
}

const pattern = /^(\d{4})Q([1-4])$/;
const bounds = { 1: ['01-01', '03-31'], 2: ['04-01', '06-30'], 3: ['07-01', '09-30'], 4: ['10-01', '12-31'] } as const;

/** `2027Q1` for any day (YYYY-MM-DD) from 1 January to 31 March 2027. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

/** Null when the label is not `YYYYQn`. */
export function parseQuarter(label: string, config: IvoConfig): Quarter | null {
  const match = pattern.exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  const q = Number(match[2]) as 1 | 2 | 3 | 4;
  const [first, last] = bounds[q];
  const from = `${year}-${first}`;
  const to = `${year}-${last}`;
  const window = config.reportingWindows[`Q${q}`];
  const windowYear = window.nextYear ? year + 1 : year;
  return { label, from, to, reportingWindow: { from: `${windowYear}-${window.from}`, to: `${windowYear}-${window.to}` } };
}
