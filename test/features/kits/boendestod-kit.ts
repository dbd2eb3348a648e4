// Boendestöd (processes/boendestod.bpmn) for the feature tests: its roles and a started decision on the real diagram.
import type { RuntimeApi } from '../../../src/runtime/index.js';
import { realDiagram, who, type HarnessSlot } from '../../helpers/feature-steps.js';

export const handlaggare = who('bistandshandlaggare');
export const utforare = who('utforare');
export const enhetschef = who('enhetschef');
export const ivo = who('ivo-rapportor');

/** The decision the handläggare starts the case with. */
export type BoendestodDecision = {
  beslutsdatum: string;
  brukare: string;
  kon: 'kvinna' | 'man';
  arendetyp: 'nytt' | 'socialpsykiatri';
};

/** A runtime with the real diagram, the clock at 08:00 UTC on the decision day, and the case started by the handläggare. */
export async function startBoendestod(harness: HarnessSlot, variables: BoendestodDecision, businessKey?: string): Promise<{ rt: RuntimeApi; id: string }> {
  const rt = await harness.start({ processes: [await realDiagram('boendestod')], start: `${variables.beslutsdatum}T08:00:00Z` });
  const { id } = await rt.startInstance('boendestod', businessKey ? { businessKey, variables } : { variables }, handlaggare);
  return { rt, id };
}
