// Byte av boende (processes/byte-av-boende.bpmn, Ystad) for the feature tests: its roles and a reported wish or need to move.
import type { Actor } from '../../../src/auth/actor.js';
import type { RuntimeApi } from '../../../src/runtime/index.js';
import { realDiagram, who, type HarnessSlot } from '../../helpers/feature-steps.js';

export const bistand = who('bistandshandlaggare');
export const lss = who('lss-handlaggare');
export const enhetschef = who('enhetschef');
export const utforare = who('utforare');

/** Solgården and Lindgården in the register: the current housing is picked among its units. */
const units = {
  units: [
    { id: 'solgarden', name: 'Solgården', law: 'SoL' as const, profile: 'Särskilt boende för äldre' },
    { id: 'lindgarden', name: 'Lindgården', law: 'SoL' as const, profile: 'Särskilt boende för äldre' },
  ],
  apartments: [],
};

/** A runtime with the real diagram, the register's units and the clock at `start` (default: the harness's own start). */
export async function startByteRuntime(harness: HarnessSlot, start?: string): Promise<RuntimeApi> {
  return harness.start({ processes: [await realDiagram('byte-av-boende')], housing: units, ...(start ? { start } : {}) });
}

/** The clock at 2027-02-01 08:00 UTC and Brukare-50's wish to move from Solgården reported by `actor`; `overrides` change the report. */
export async function startByteAvBoende(harness: HarnessSlot, actor: Actor, overrides: Record<string, unknown> = {}): Promise<{ rt: RuntimeApi; id: string }> {
  const rt = await startByteRuntime(harness, '2027-02-01T08:00:00Z');
  const variables = {
    brukare: 'Brukare-50', lag: 'SoL', nuvarandeBoende: 'solgarden', behovEllerOnskemal: 'onskemal', beskrivning: 'Vill bo nära sin make på Lindgården.', ...overrides,
  };
  const { id } = await rt.startInstance('byte-av-boende', { variables }, actor);
  return { rt, id };
}
