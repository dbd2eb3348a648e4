// SoL lägenhetserbjudande (processes/sol-lagenhetserbjudande.bpmn) for the feature tests: roles, Solbacken, a reported vacancy, offer and yes.
import type { RuntimeApi } from '../../../src/runtime/index.js';
import type { HousingSeed } from '../../../src/housing/housing-seed.js';
import { completeTask, realDiagram, who, type HarnessSlot } from '../../helpers/feature-steps.js';

export const enhetschef = who('enhetschef');
export const avgift = who('avgiftshandlaggare');
export const samordnare = who('boendesamordnare');
export const bistand = who('bistandshandlaggare');
export const utforare = who('utforare');
export const ivo = who('ivo-rapportor');

/** Solbackens äldreboende with these apartments (1 rum, 32 m², 6 500 kr), all let when the test starts. */
export function solbacken(...numbers: string[]): HousingSeed {
  return {
    units: [{ id: 'solbacken', name: 'Solbackens äldreboende', law: 'SoL', profile: 'Särskilt boende för äldre' }],
    apartments: numbers.map((number) => ({ id: `solbacken-${number}`, unitId: 'solbacken', number, rooms: 1, sizeSqm: 32, rent: 6500, status: 'uthyrd' })),
  };
}

/** A runtime with the real diagram and `housing` (default solbacken-12), the clock at 2027-02-01 08:00 UTC. */
export async function startSolRuntime(harness: HarnessSlot, housing: HousingSeed = solbacken('12')): Promise<RuntimeApi> {
  return harness.start({ processes: [await realDiagram('sol-lagenhetserbjudande')], start: '2027-02-01T08:00:00Z', housing });
}

/** What the enhetschef and the avgiftshandläggare report about a vacancy; every field has a default. */
export interface Vacancy {
  lagenhetId?: string;
  ledighetsorsak?: 'flyttat' | 'avliden';
  businessKey?: string;
  utflyttningsdatum?: string;
  klarForInflytt?: string;
  lagenhetStorlek?: string;
}

/** A vacancy reported by the enhetschef, journalförd, ready and (when the id exists) registered ledig in Boendemodulen. */
export async function reportVacancy(rt: RuntimeApi, vacancy: Vacancy = {}): Promise<string> {
  const { lagenhetId = 'solbacken-12', ledighetsorsak = 'flyttat', businessKey } = vacancy;
  const variables = { lagenhetId, ledighetsorsak };
  const { id } = await rt.startInstance('sol-lagenhetserbjudande', businessKey ? { businessKey, variables } : { variables }, enhetschef);
  await completeTask(rt, id, 'journalforUtflyttning', { utflyttningsdatum: vacancy.utflyttningsdatum ?? '2027-01-31' }, avgift);
  await completeTask(rt, id, 'meddelaKlarForInflytt', { klarForInflytt: vacancy.klarForInflytt ?? '2027-02-03' }, enhetschef);
  await completeTask(rt, id, 'registreraLedigLagenhet', { lagenhetStorlek: vacancy.lagenhetStorlek ?? '1 rum, 32 m²', hyra: 6500 }, avgift);
  return id;
}

/** Offered by the enhetschef on 2027-02-03 with a viewing the next day and the answer agreed for 2027-02-05. */
export async function offered(rt: RuntimeApi, id: string): Promise<void> {
  await completeTask(rt, id, 'ringOchErbjud', { erbjudandedatum: '2027-02-03', visningsdatum: '2027-02-04', beskedsdatum: '2027-02-05', vemRinger: 'enhetschef' }, enhetschef);
  await completeTask(rt, id, 'andraReserveratDatum', { journalfort: true }, samordnare);
}

/** Yes on the offer, access and move-in on `moveIn`, booked, and the order to the enhetschef placed on `bestallningsdatum`. */
export async function acceptedAndOrdered(rt: RuntimeApi, id: string, moveIn: string, bestallningsdatum: string): Promise<void> {
  await completeTask(rt, id, 'registreraBesked', { svar: 'ja' }, enhetschef);
  await completeTask(rt, id, 'meddelaTilltradesdatum', { tilltradesdatum: moveIn }, enhetschef);
  await completeTask(rt, id, 'andraTillBokad', { kontraktsdatumNoterat: true }, avgift);
  await completeTask(rt, id, 'meddelaInflyttningsdatum', { inflyttningsdatum: moveIn }, enhetschef);
  await completeTask(rt, id, 'bestallningTillEnhetschef', { bestallningsdatum }, bistand);
}
