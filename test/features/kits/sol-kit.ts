// Särskilt boende SoL for the feature tests: a decision case per person (processes/sol-sarskilt-boende.bpmn) and a
// vacancy case per apartment (processes/sol-lagenhetserbjudande.bpmn) that offers the apartment to a person's case.
import type { RuntimeApi } from '../../../src/runtime/index.js';
import type { HousingSeed } from '../../../src/housing/housing-seed.js';
import { completeTask, pick, realDiagram, who, type HarnessSlot } from '../../helpers/feature-steps.js';

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

/** A runtime with both real diagrams and `housing` (default solbacken-12), the clock at 2027-02-01 08:00 UTC. */
export async function startSolRuntime(harness: HarnessSlot, housing: HousingSeed = solbacken('12')): Promise<RuntimeApi> {
  return harness.start({ processes: [await realDiagram('sol-sarskilt-boende'), await realDiagram('sol-lagenhetserbjudande')], start: '2027-02-01T08:00:00Z', housing });
}

/** A favourable decision about särskilt boende as the biståndshandläggare starts its case; every field has a default. */
export interface SolDecision {
  brukare?: string;
  beslutsdatum?: string;
  kon?: 'kvinna' | 'man';
  franKorttidsboende?: boolean;
  businessKey?: string;
}

/** The decision's case, started by the biståndshandläggare: the person is queued and waits for an offer. */
export async function decide(rt: RuntimeApi, decision: SolDecision = {}): Promise<string> {
  const { brukare = 'Sokande-A', beslutsdatum = '2027-01-15', kon = 'kvinna', franKorttidsboende = true, businessKey } = decision;
  const variables = {
    beslutsdatum, brukare, kon, franKorttidsboende,
    behov: 'Hjälp med förflyttning.', hemtjanstgrupp: 'Hemtjänst Norr', kontaktuppgifter: 'Dotter, 070-000 00 00',
  };
  const { id } = await rt.startInstance('sol-sarskilt-boende', businessKey ? { businessKey, variables } : { variables }, bistand);
  return id;
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

/** The boendesamordnare picks the applicant, by the name the queue shows, at the weekly boendeprioritering. */
export async function prioritise(rt: RuntimeApi, vacancyId: string, sokande: string, dialogOmRum = false): Promise<void> {
  const place = pick(rt, vacancyId, 'boendeprioritering', 'sokande', `${sokande} –`, samordnare);
  await completeTask(rt, vacancyId, 'boendeprioritering', { sokande: place, prioriteringsgrund: 'Längst kötid.', dialogOmRum }, samordnare);
}

/** The call on `erbjudandedatum` (default 2027-02-03) with a viewing the next day and the answer agreed for `beskedsdatum`. */
export async function offer(rt: RuntimeApi, vacancyId: string, { erbjudandedatum = '2027-02-03', beskedsdatum = '2027-02-05' } = {}): Promise<void> {
  await completeTask(rt, vacancyId, 'ringOchErbjud', { erbjudandedatum, visningsdatum: '2027-02-04', beskedsdatum, vemRinger: 'enhetschef' }, enhetschef);
  await completeTask(rt, vacancyId, 'andraReserveratDatum', { journalfort: true }, samordnare);
}

/** The answer the person gave on `svarsdatum`, registered in their decision case by the enhetschef. */
export async function answer(rt: RuntimeApi, decisionId: string, svar: 'ja' | 'nej', svarsdatum: string, beskedKommentar?: string): Promise<void> {
  await completeTask(rt, decisionId, 'registreraBesked', { svar, svarsdatum, ...(beskedKommentar ? { beskedKommentar } : {}) }, enhetschef);
}

/** After a yes: access and move-in on `moveIn`, booked, the order placed on `bestallningsdatum`. */
export async function bookedAndOrdered(rt: RuntimeApi, decisionId: string, moveIn: string, bestallningsdatum: string): Promise<void> {
  await completeTask(rt, decisionId, 'meddelaTilltradesdatum', { tilltradesdatum: moveIn }, enhetschef);
  await completeTask(rt, decisionId, 'andraTillBokad', { kontraktsdatumNoterat: true }, avgift);
  await completeTask(rt, decisionId, 'meddelaInflyttningsdatum', { inflyttningsdatum: moveIn }, enhetschef);
  await completeTask(rt, decisionId, 'bestallningTillEnhetschef', { bestallningsdatum }, bistand);
}
