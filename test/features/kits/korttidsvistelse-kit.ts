// Korttidsvistelse LSS (processes/korttidsvistelse-lss.bpmn, Botkyrka) for the feature tests: its roles and a started order.
import type { RuntimeApi } from '../../../src/runtime/index.js';
import { realDiagram, who, type HarnessSlot } from '../../helpers/feature-steps.js';

export const handlaggare = who('lss-handlaggare');
export const enhetschef = who('enhetschef');
export const ivoRapportor = who('ivo-rapportor');

/** A runtime of its own with the real diagram, the clock at 2027-01-15 08:00 UTC, and one order for Brukare-17 started by the handläggare. */
export async function startOrder(
  harness: HarnessSlot,
  { beslutsdatum = '2027-01-15', businessKey }: { beslutsdatum?: string; businessKey?: string } = {},
): Promise<{ rt: RuntimeApi; id: string }> {
  // The clock never stands before the decision: a decision date after today is refused as implausible.
  const rt = await harness.start({ processes: [await realDiagram('korttidsvistelse-lss')], start: `${beslutsdatum > '2027-01-15' ? beslutsdatum : '2027-01-15'}T08:00:00Z` });
  const variables = { beslutsdatum, brukare: 'Brukare-17', kon: 'man', antalDygn: 8, behov: 'Avlösning varannan helg.' };
  const { id } = await rt.startInstance('korttidsvistelse-lss', businessKey ? { businessKey, variables } : { variables }, handlaggare);
  return { rt, id };
}
