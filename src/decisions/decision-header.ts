// Which cases carry a decision of their own, and its header read from the start form and the process's properties.
import type { CaseEvent } from './case-event.js';
import type { DecisionHeader, DecisionLaw } from './decision.js';

/** The start-form fields a decision's header is read from: fixed at the start, whatever step comes later. */
export const decisionFieldNames = ['beslutsdatum', 'brukare', 'kon', 'lag', 'insats', 'ursprung'] as const;

/**
 * The header of the decision a case starts from, or null when the case carries none: no law or decision day, or a
 * change of housing (the person already lives somewhere; the decision was executed earlier).
 */
export function decisionHeaderFor(id: string, processKey: string, variables: Record<string, unknown>, properties: Record<string, string>): DecisionHeader | null {
  const text = (name: string) => (typeof variables[name] === 'string' && variables[name] ? (variables[name] as string) : null);
  const law = text('lag') ?? properties.lag ?? null;
  const beslutsdatum = text('beslutsdatum');
  if (!isLaw(law) || !beslutsdatum || !/^\d{4}-\d{2}-\d{2}$/.test(beslutsdatum)) return null;
  if (text('ursprung') === 'byteAvBoende') return null;
  return { id, person: text('brukare'), kon: text('kon'), law, insats: text('insats') ?? properties.insats ?? processKey, beslutsdatum };
}

function isLaw(value: string | null): value is DecisionLaw {
  return value === 'LSS' || value === 'SoL';
}

/** A decision a case carried before its current one (a new order replaced it), with the events recorded on it. */
export interface EarlierDecision {
  decision: DecisionHeader;
  caseEvents: CaseEvent[];
}

/** What carries a decision: a case's summary, as far as the header needs it. */
export interface DecisionCarrier {
  id: string;
  processKey: string;
  variables: Record<string, unknown>;
  decision?: DecisionHeader | null;
  caseEvents: CaseEvent[];
  earlierDecisions?: EarlierDecision[];
}

/** One decision a case carries and the events recorded on it; `current` for the one its routine works on now. */
export interface CarriedDecision {
  header: DecisionHeader;
  events: CaseEvent[];
  current: boolean;
}

/** A new decision replaces the current one (a new korttidsvistelse order): the same person, law and insats. */
export function startNewDecision(carrier: Pick<DecisionCarrier, 'decision' | 'caseEvents' | 'earlierDecisions'>, id: string, beslutsdatum: string, splitAt: number) {
  if (!carrier.decision) return null;
  return {
    earlierDecisions: [...(carrier.earlierDecisions ?? []), { decision: carrier.decision, caseEvents: carrier.caseEvents.slice(0, splitAt) }],
    decision: { ...carrier.decision, id, beslutsdatum },
    caseEvents: carrier.caseEvents.slice(splitAt),
  };
}

/** Every decision the case carries, earliest first: those a new order replaced, then the current one. */
export function carriedDecisions(carrier: DecisionCarrier, properties: Record<string, string>): CarriedDecision[] {
  const earlier = (carrier.earlierDecisions ?? []).map((d) => ({ header: d.decision, events: d.caseEvents, current: false }));
  const header = carriedDecision(carrier, properties);
  return header ? [...earlier, { header, events: carrier.caseEvents, current: true }] : earlier;
}

/**
 * The decision a case carries: the header fixed at its start, so later variables (a message's, a task's) cannot
 * change it; a case stored before headers were kept is read from its variables as they stand.
 */
export function carriedDecision(carrier: DecisionCarrier, properties: Record<string, string>): DecisionHeader | null {
  if (carrier.decision !== undefined) return carrier.decision;
  return decisionHeaderFor(carrier.id, carrier.processKey, carrier.variables, properties);
}
