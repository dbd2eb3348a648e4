// How long each favourable decision waited from the decision to execution: the figures behind the statistics page.
import { carriedDecisions, decisionsAcrossCases, handedOn } from '../decisions/index.js';
import type { ReportableCase } from './ivo-report.js';

/** One favourable decision's wait from the decision to execution (the `verkstallt` case event), for the statistics. */
export interface WaitingTime {
  processKey: string;
  insats: string;
  lag: 'LSS' | 'SoL';
  beslutsdatum: string;
  /** The first `verkstallt` case event's day; null while it waits. */
  verkstalltDatum: string | null;
  /** The first `avslutat` case event's day: closed without (or after) execution. */
  avslutatDatum: string | null;
}

/** Every favourable LSS/SoL decision with its execution day, the cases the IVO report reads; oldest decision first. */
export function waitingTimes(cases: Iterable<ReportableCase>): WaitingTime[] {
  const times: WaitingTime[] = [];
  // The same decisions as the IVO report: fixed at the start or by a new order; a handed-over one is counted by its
  // successor, with what the giver recorded on it afterwards (a closing, say).
  for (const { of: { summary }, decisions } of decisionsAcrossCases(cases, ({ summary: s, properties }) => carriedDecisions(s, properties))) {
    for (const { header, events } of decisions) {
      if (handedOn(events)) continue;
      const first = (type: string) => events.filter((e) => e.type === type).map((e) => e.date).sort()[0] ?? null;
      times.push({ processKey: summary.processKey, insats: header.insats, lag: header.law, beslutsdatum: header.beslutsdatum, verkstalltDatum: first('verkstallt'), avslutatDatum: first('avslutat') });
    }
  }
  return times.sort((a, b) => a.beslutsdatum.localeCompare(b.beslutsdatum) || a.insats.localeCompare(b.insats, 'sv'));
}
