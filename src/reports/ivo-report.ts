// The IVO report of a quarter: favourable decisions not executed within 3 months, computed from the instances' own
// recorded facts (start-form variables and case events), never typed in separately.
import type { CaseEvent } from '../decisions/index.js';
import type { InstanceSummary } from '../engine/index.js';
import { addCalendar } from '../timers/index.js';
import { legalReference, type IvoConfig } from './ivo-config.js';
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
  for (const { summary, properties } of cases) {
    // A routine for both laws says per case which one applies; otherwise the process does.
    const lag = textVariable(summary, 'lag') ?? properties.lag;
    const beslutsdatum = summary.variables.beslutsdatum;
    if ((lag !== 'LSS' && lag !== 'SoL') || typeof beslutsdatum !== 'string') continue;
    // A change of housing is not a new decision waiting to be executed: the person already lives somewhere.
    if (summary.variables.ursprung === 'byteAvBoende') continue;
    const events = summary.caseEvents.filter((e) => e.date <= quarter.to).sort((a, b) => a.date.localeCompare(b.date));
    // Handed over to another instance (e.g. internal → external placement): that instance reports the decision.
    if (events.some((e) => e.type === 'overlamnad')) continue;
    const ended = firstOf(events, 'verkstallt') ?? firstOf(events, 'avslutat');
    const base = { summary, lag, beslutsdatum, properties, events, config } as const;
    const decision = reportable(addCalendar(beslutsdatum, 'months', config.thresholdMonths), ended, quarter);
    if (decision) rows.push(row(base, 'beslut', null, decision.from, decision.kind(ended)));
    for (const interruption of events.filter((e) => e.type === 'avbrott')) {
      const resumed = events.find((e) => (e.type === 'aterupptagen' || e.type === 'avslutat') && e.date >= interruption.date);
      const found = reportable(addCalendar(interruption.date, 'months', config.thresholdMonths), resumed, quarter);
      if (found) rows.push(row(base, 'avbrott', interruption.date, found.from, found.kind(resumed)));
    }
  }
  rows.sort((a, b) => a.rapporteringspliktigFran.localeCompare(b.rapporteringspliktigFran) || a.instanceId.localeCompare(b.instanceId));
  return { quarter: quarter.label, period: { from: quarter.from, to: quarter.to }, reportingWindow: quarter.reportingWindow, rows };
}

/** Reportable in the quarter when the threshold passed by its end and the case had not ended by the threshold. */
function reportable(threshold: string, ended: CaseEvent | undefined, quarter: Quarter) {
  if (threshold > quarter.to) return null;
  if (ended && ended.date <= threshold) return null;
  if (ended && ended.date < quarter.from) return null;
  return {
    from: threshold,
    kind: (end: CaseEvent | undefined): IvoReportKind => {
      // Resuming an interrupted execution is reported as executed again.
      if (end && end.date >= quarter.from) return end.type === 'avslutat' ? 'avslutat' : 'verkställt';
      return threshold >= quarter.from ? 'ny' : 'återrapport';
    },
  };
}

function row(
  base: { summary: InstanceSummary; lag: 'LSS' | 'SoL'; beslutsdatum: string; properties: Record<string, string>; events: CaseEvent[]; config: IvoConfig },
  grund: 'beslut' | 'avbrott',
  avbrottsdatum: string | null,
  from: string,
  rapporttyp: IvoReportKind,
): IvoReportRow {
  const { summary, lag, beslutsdatum, properties, events, config } = base;
  const avslutat = firstOf(events, 'avslutat');
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    instanceId: summary.id,
    businessKey: summary.businessKey,
    processKey: summary.processKey,
    brukare: text(summary.variables.brukare),
    kon: text(summary.variables.kon),
    lag,
    lagrum: legalReference(config, lag, beslutsdatum),
    insats: textVariable(summary, 'insats') ?? properties.insats ?? summary.processKey,
    beslutsdatum,
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

function textVariable(summary: InstanceSummary, name: string): string | undefined {
  const value = summary.variables[name];
  return typeof value === 'string' && value ? value : undefined;
}
