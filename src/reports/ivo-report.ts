// The IVO report of a quarter: favourable decisions not executed within 3 months, computed from the instances' own
// recorded facts (start-form variables and case events), never typed in separately.
import { carriedDecisions, decisionsAcrossCases, handedOn, type CarriedDecision, type CaseEvent, type DecisionHeader } from '../decisions/index.js';
import type { InstanceSummary } from '../engine/index.js';
import { legalReference, type IvoConfig } from './ivo-config.js';
import { reportableFrom } from './ivo-reporting.js';
import type { Quarter } from './quarter.js';

export type IvoReportKind = 'ny' | 'återrapport' | 'verkställt' | 'avslutat';

export interface IvoReportRow {
  instanceId: string;
  businessKey: string | null;
  processKey: string;
  brukare: string | null;
  kon: string | null;
  lag: 'LSS' | 'SoL';
  lagrum: string | null;
  insats: string;
  beslutsdatum: string;
  /** `beslut`: not executed within 3 months of the decision; `avbrott`: interrupted and not resumed within 3 months. */
  grund: 'beslut' | 'avbrott';
  avbrottsdatum: string | null;
  rapporteringspliktigFran: string;
  rapporttyp: IvoReportKind;
  skalTillDrojsmal: string | null;
  erbjudanden: string[];
  tackatNej: { datum: string; orsak: string | null }[];
  verkstalltDatum: string | null;
  avslutatDatum: string | null;
  avslutsorsak: string | null;
}

export interface IvoReport {
  quarter: string;
  period: { from: string; to: string };
  reportingWindow: { from: string; to: string };
  rows: IvoReportRow[];
}

export interface ReportableCase {
  summary: InstanceSummary;
  properties: Record<string, string>;
}

export function buildIvoReport(cases: ReportableCase[], quarter: Quarter, config: IvoConfig): IvoReport {
  const rows: IvoReportRow[] = [];
  // Each decision the case carries (fixed when it started, or when a new order replaced it): no later variable moves
  // it in or out of the report. What a case recorded after handing its decision on goes with the case carrying it.
  const read = decisionsAcrossCases(cases, ({ summary, properties }) => carriedDecisions(summary, properties));
  // A decision another case took over is reported by that case in every quarter, also those before the hand-over (it
  // holds the history): one decision, one row. The case that gave it reports it only while nobody carries it.
  const carriedNow = new Set(read.flatMap((c) => c.decisions).filter((d) => !handedOn(d.events)).map((d) => d.header.id));
  for (const { of, decisions } of read) {
    for (const carried of decisions) {
      if (!handedOn(carried.events) || !carriedNow.has(carried.header.id)) addRows(rows, of.summary, carried, quarter, config);
    }
  }
  rows.sort((a, b) => a.rapporteringspliktigFran.localeCompare(b.rapporteringspliktigFran) || a.instanceId.localeCompare(b.instanceId) || a.beslutsdatum.localeCompare(b.beslutsdatum));
  return { quarter: quarter.label, period: { from: quarter.from, to: quarter.to }, reportingWindow: quarter.reportingWindow, rows };
}

/** The rows one decision gives in the quarter: its 3 months, and each interruption's. */
function addRows(rows: IvoReportRow[], summary: InstanceSummary, carried: CarriedDecision, quarter: Quarter, config: IvoConfig): void {
  const decision = carried.header;
  const { beslutsdatum } = decision;
  const events = carried.events.filter((e) => e.date <= quarter.to).sort((a, b) => a.date.localeCompare(b.date));
  // Handed over to another instance (e.g. internal → external placement): that instance reports the decision.
  if (handedOn(events)) return;
  const ended = firstOf(events, 'verkstallt') ?? firstOf(events, 'avslutat');
  const base = { summary, decision, events, config } as const;
  const waiting = reportable(reportableFrom(beslutsdatum, config), ended, quarter);
  if (waiting) rows.push(row(base, 'beslut', null, waiting.from, waiting.kind(ended)));
  for (const interruption of events.filter((e) => e.type === 'avbrott')) {
    const resumed = events.find((e) => (e.type === 'aterupptagen' || e.type === 'avslutat') && e.date >= interruption.date);
    const found = reportable(reportableFrom(interruption.date, config), resumed, quarter);
    if (found) rows.push(row(base, 'avbrott', interruption.date, found.from, found.kind(resumed)));
  }
}

/** Reportable in the quarter when the threshold passed by its end and the case had not ended by the threshold. */
function reportable(threshold: string, ended: CaseEvent | undefined, quarter: Quarter) {
  if (threshold > quarter.to) return null;
  if (ended && ended.date <= threshold) return null;
  if (ended && ended.date < quarter.from) return null;
  return {
    from: threshold,
    kind: (end: CaseEvent | undefined): IvoReportKind => {
      // First reportable this quarter: a new report, even when it was executed or closed before the quarter ended
      // (the row carries that day); it was never reported before, so it cannot be reported as executed.
      if (threshold >= quarter.from) return 'ny';
      // Resuming an interrupted execution is reported as executed again.
      if (end && end.date >= quarter.from) return end.type === 'avslutat' ? 'avslutat' : 'verkställt';
      return 'återrapport';
    },
  };
}

function row(
  base: { summary: InstanceSummary; decision: DecisionHeader; events: CaseEvent[]; config: IvoConfig },
  grund: 'beslut' | 'avbrott',
  avbrottsdatum: string | null,
  from: string,
  rapporttyp: IvoReportKind,
): IvoReportRow {
  const { summary, decision, events, config } = base;
  const avslutat = firstOf(events, 'avslutat');
  return {
    instanceId: summary.id,
    businessKey: summary.businessKey,
    processKey: summary.processKey,
    brukare: decision.person,
    kon: decision.kon,
    lag: decision.law,
    lagrum: legalReference(config, decision.law, decision.beslutsdatum),
    insats: decision.insats,
    beslutsdatum: decision.beslutsdatum,
    grund,
    avbrottsdatum,
    rapporteringspliktigFran: from,
    rapporttyp,
    skalTillDrojsmal: events.filter((e) => e.type === 'drojsmal').at(-1)?.reason ?? null,
    erbjudanden: events.filter((e) => e.type === 'erbjudande').map((e) => e.date),
    tackatNej: events.filter((e) => e.type === 'avbojt').map((e) => ({ datum: e.date, orsak: e.reason })),
    verkstalltDatum: firstOf(events, 'verkstallt')?.date ?? null,
    avslutatDatum: avslutat?.date ?? null,
    avslutsorsak: avslutat?.reason ?? null,
  };
}

function firstOf(events: CaseEvent[], type: CaseEvent['type']): CaseEvent | undefined {
  return events.find((e) => e.type === type);
}
