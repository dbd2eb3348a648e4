// Intern placering (processes/intern-placering.bpmn, Ystad) for the feature tests: roles, Solgården, a started decision, its case events.
import type { Actor } from '../../../src/auth/actor.js';
import type { RuntimeApi } from '../../../src/runtime/index.js';
import type { HousingSeed } from '../../../src/housing/housing-seed.js';
import { realDiagram, who, type HarnessSlot } from '../../helpers/feature-steps.js';

/** Myndigheten for SoL decisions. */
export const bistand = who('bistandshandlaggare');
/** Myndigheten for LSS decisions. */
export const lss = who('lss-handlaggare');
export const enhetschef = who('enhetschef');
export const utforare = who('utforare');
export const avgiftshandlaggare = who('avgiftshandlaggare');
export const ivoRapportor = who('ivo-rapportor');

/** Solgården with one vacant apartment, solgarden-12. */
export const solgarden: HousingSeed = {
  units: [{ id: 'solgarden', name: 'Solgården', law: 'SoL', profile: 'Särskilt boende för äldre' }],
  apartments: [{ id: 'solgarden-12', unitId: 'solgarden', number: '12', rooms: 1, sizeSqm: 34, rent: 6100, status: 'ledig' }],
};

/** The decision that Myndigheten starts the case with. */
export type InternPlaceringDecision = {
  beslutsdatum: string;
  brukare: string;
  kon: 'kvinna' | 'man';
  lag: 'SoL' | 'LSS';
  insats: string;
  ursprung: 'nyttBeslut' | 'byteAvBoende';
};

/** A runtime with the real diagrams and `housing` (default Solgården), the clock at `start` (default 2027-01-15 08:00 UTC), and the case started by `actor`. */
export async function startInternPlacering(
  harness: HarnessSlot,
  variables: InternPlaceringDecision,
  actor: Actor,
  { housing = solgarden, start = '2027-01-15T08:00:00Z' }: { housing?: HousingSeed; start?: string } = {},
): Promise<{ rt: RuntimeApi; id: string }> {
  // Intern placering calls extern placering (the step "Extern placering"), so both are published.
  const rt = await harness.start({ processes: [await realDiagram('intern-placering'), await realDiagram('extern-placering')], start, housing });
  const { id } = await rt.startInstance('intern-placering', { variables }, actor);
  return { rt, id };
}

/** The case events in the history as [type, date, reason]. */
export async function caseEvents(rt: RuntimeApi, id: string) {
  return (await rt.getHistory(id)).filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.date, e.data?.reason ?? null]);
}
