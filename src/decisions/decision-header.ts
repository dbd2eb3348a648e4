// Which cases carry a decision of their own, and its header read from the start form and the process's properties.
import type { DecisionHeader, DecisionLaw } from './decision.js';

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

/** What carries a decision: a case's summary, as far as the header needs it. */
export interface DecisionCarrier {
  id: string;
  processKey: string;
  variables: Record<string, unknown>;
  decision?: DecisionHeader | null;
}

/**
 * The decision a case carries: the header fixed at its start, so later variables (a message's, a task's) cannot
 * change it; a case stored before headers were kept is read from its variables as they stand.
 */
export function carriedDecision(carrier: DecisionCarrier, properties: Record<string, string>): DecisionHeader | null {
  if (carrier.decision !== undefined) return carrier.decision;
  return decisionHeaderFor(carrier.id, carrier.processKey, carrier.variables, properties);
}
