// The bench's figures gathered per store and printed at the end as one table, the stores side by side.
import type { StoreName } from './bench-stores.js';

interface Row {
  measure: string;
  target: string;
  values: Partial<Record<StoreName, string>>;
}

export interface ResultsTable {
  /** Sets `measure`'s figure for `store`; rows are listed in the order of their names, which begin (a), (b), … */
  set(measure: string, target: string, store: StoreName, value: string): void;
  /** The table in Markdown, one column per store in `stores`. */
  render(stores: StoreName[]): string;
}

export function resultsTable(): ResultsTable {
  const rows = new Map<string, Row>();
  return {
    set(measure, target, store, value) {
      const row = rows.get(measure) ?? { measure, target, values: {} };
      row.values[store] = value;
      rows.set(measure, row);
    },
    render(stores) {
      const lines = [`| mått | ${stores.join(' | ')} | mål |`, `|---|${stores.map(() => '---|').join('')}---|`];
      for (const row of [...rows.values()].sort((a, b) => (a.measure < b.measure ? -1 : 1))) {
        lines.push(`| ${row.measure} | ${stores.map((s) => row.values[s] ?? '–').join(' | ')} | ${row.target} |`);
      }
      return lines.join('\n');
    },
  };
}
