// Extern placering (processes/extern-placering.bpmn, Ystad) for the feature tests: roles, Havsutsikten and a started LSS decision.
import type { RuntimeApi } from '../../../src/runtime/index.js';
import type { HousingSeed } from '../../../src/housing/housing-seed.js';
import { realDiagram, who, type HarnessSlot } from '../../helpers/feature-steps.js';

export const lss = who('lss-handlaggare');
/** Registers new external apartments; the admin role. */
export const systemansvarig = who('admin');
export const verksamhetschef = who('verksamhetschef');
export const ivoRapportor = who('ivo-rapportor');

/** The procured company's unit with one vacant apartment, havsutsikten-4. */
export const havsutsikten: HousingSeed = {
  units: [{ id: 'extern-havsutsikten', name: 'Havsutsikten (upphandlat företag)', law: 'LSS', profile: 'Gruppbostad, extern placering' }],
  apartments: [{ id: 'havsutsikten-4', unitId: 'extern-havsutsikten', number: '4', rooms: 1, sizeSqm: 40, rent: 6900, status: 'ledig' }],
};

/** A runtime with the real diagram and Havsutsikten, the clock at 2027-01-15 08:00 UTC, and a permanent LSS placement decided that day. */
export async function startExternPlacering(harness: HarnessSlot): Promise<{ rt: RuntimeApi; id: string }> {
  const rt = await harness.start({ processes: [await realDiagram('extern-placering')], start: '2027-01-15T08:00:00Z', housing: havsutsikten });
  const variables = {
    beslutsdatum: '2027-01-15', brukare: 'Brukare-40', kon: 'man', lag: 'LSS', insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS',
    ursprung: 'nyttBeslut', placeringstyp: 'permanent',
  };
  const { id } = await rt.startInstance('extern-placering', { variables }, lss);
  return { rt, id };
}
