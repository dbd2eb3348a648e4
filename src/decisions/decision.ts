// A favourable decision as the legal record: who it is for, under which law, when it was taken, and where its
// execution stands, folded from its events. The IVO duty (SoL 16 kap. 6 f §, LSS 28 f §) is computed from this.
import type { CaseEvent, CaseEventType } from './case-event.js';

export const decisionLaws = ['LSS', 'SoL'] as const;
export type DecisionLaw = (typeof decisionLaws)[number];

/** `avbrott`: executed, then interrupted (second paragraph of 6 f / 28 f); it is reportable again after 3 months. */
export const decisionStatuses = ['ej-verkstallt', 'verkstallt', 'avbrott', 'avslutat'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

/** What is fixed when the case starts: a message or a later step can no longer change it. */
export interface DecisionHeader {
  id: string;
  /** The person's reference in the case system (`brukare`), never a personnummer. */
  person: string | null;
  kon: string | null;
  law: DecisionLaw;
  insats: string;
  beslutsdatum: string;
}

export interface Decision extends DecisionHeader {
  instanceId: string;
  processKey: string;
  status: DecisionStatus;
  /** The first day it was executed; kept when it is later interrupted. */
  verkstalltDatum: string | null;
  events: CaseEvent[];
}

/** Where each event may be recorded from; an event not listed for the status does not fit (409 when typed by hand). */
const fits: Record<CaseEventType, readonly DecisionStatus[]> = {
  erbjudande: ['ej-verkstallt', 'avbrott'],
  avbojt: ['ej-verkstallt', 'avbrott'],
  drojsmal: ['ej-verkstallt', 'avbrott'],
  verkstallt: ['ej-verkstallt'],
  avbrott: ['verkstallt'],
  aterupptagen: ['avbrott'],
  avslutat: ['ej-verkstallt', 'verkstallt', 'avbrott'],
  overlamnad: ['ej-verkstallt', 'avbrott'],
};

const statusAfter: Partial<Record<CaseEventType, DecisionStatus>> = {
  verkstallt: 'verkstallt',
  avbrott: 'avbrott',
  aterupptagen: 'verkstallt',
  avslutat: 'avslutat',
};

export function eventFits(status: DecisionStatus, type: CaseEventType): boolean {
  return fits[type].includes(status);
}

/**
 * The status and execution day after the events, in the order they were recorded. An event that did not fit when a
 * routine recorded it (a second `verkstallt`, say) stays in the record but changes nothing.
 */
export function foldDecision(events: readonly CaseEvent[]): { status: DecisionStatus; verkstalltDatum: string | null } {
  let status: DecisionStatus = 'ej-verkstallt';
  let verkstalltDatum: string | null = null;
  for (const event of events) {
    if (!eventFits(status, event.type)) continue;
    if (event.type === 'verkstallt') verkstalltDatum ??= event.date;
    status = statusAfter[event.type] ?? status;
  }
  return { status, verkstalltDatum };
}
