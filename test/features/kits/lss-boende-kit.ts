// Boendeprocess LSS (processes/lss-boende.bpmn) for the feature tests: its roles, Gruppbostad Solrosen, a started case and the intake.
import type { RuntimeApi } from '../../../src/runtime/index.js';
import type { HousingSeed } from '../../../src/housing/housing-seed.js';
import { completeTask, realDiagram, who, type HarnessSlot } from '../../helpers/feature-steps.js';

export const handlaggare = who('lss-handlaggare');
export const samordnare = who('samordnare-externa');
export const arbetsterapeut = who('arbetsterapeut');
export const formedling = who('boendeformedling');
export const enhetschef = who('enhetschef');
export const ivo = who('ivo-rapportor');
export const myndighetschef = who('myndighetschef');
export const verksamhetschef = who('verksamhetschef');

/** Gruppbostad Solrosen with one vacant apartment, solrosen-3. */
export const solrosen: HousingSeed = {
  units: [{ id: 'solrosen', name: 'Gruppbostad Solrosen', law: 'LSS', profile: 'Gruppbostad för vuxna' }],
  apartments: [{ id: 'solrosen-3', unitId: 'solrosen', number: '3', rooms: 2, sizeSqm: 42, rent: 6200, status: 'ledig' }],
};

/** A runtime with the real diagram and `housing`, the clock at 2027-01-15 08:00 UTC, and a bifallsbeslut (of that day unless `beslutsdatum`) for Brukare-42. */
export async function startLssBoende(
  harness: HarnessSlot,
  housing: HousingSeed = solrosen,
  { beslutsdatum = '2027-01-15' }: { beslutsdatum?: string } = {},
): Promise<{ rt: RuntimeApi; id: string }> {
  const rt = await harness.start({ processes: [await realDiagram('lss-boende')], start: '2027-01-15T08:00:00Z', housing });
  const variables = { beslutsdatum, brukare: 'Brukare-42', kon: 'kvinna' };
  const { id } = await rt.startInstance('lss-boende', { businessKey: 'LSS-42', variables }, handlaggare);
  return { rt, id };
}

/** Order, Planering LSS, fördelning, gemensamt möte and kartläggning. */
export async function mapped(rt: RuntimeApi, id: string): Promise<void> {
  await completeTask(rt, id, 'taEmotBestallning', { planeringLssInledd: '2027-01-15' }, samordnare);
  await completeTask(rt, id, 'fordelaArende', { ansvarigArbetsterapeut: 'arbetsterapeut' }, samordnare);
  await completeTask(rt, id, 'gemensamtMote', { genomgangsdatum: '2027-01-20' }, samordnare);
  const info = { kartlaggningsdatum: '2027-01-25', behovssammanfattning: 'Behöver lugn miljö och stöd dygnet runt.', informationOm14Dagarsregeln: '2027-01-25' };
  await completeTask(rt, id, 'kartlaggning', info, arbetsterapeut);
}

/** Order, Planering LSS, fördelning, gemensamt möte, kartläggning and the team's assessment "egen regi". */
export async function intake(rt: RuntimeApi, id: string): Promise<void> {
  await mapped(rt, id);
  await completeTask(rt, id, 'bedomPlacering', { placering: 'intern', bedomning: 'Gruppbostad i egen regi passar.' }, arbetsterapeut);
}

/** The intake, then solrosen-3 matched, offered on 2027-02-01, viewed and the person's answer registered on 2027-02-05 09:00. */
export async function answered(rt: RuntimeApi, id: string, svar: 'ja' | 'nej'): Promise<void> {
  await intake(rt, id);
  await completeTask(rt, id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
  await completeTask(rt, id, 'erbjudBostad', { erbjudandedatum: '2027-02-01' }, formedling);
  await completeTask(rt, id, 'studiebesok', { studiebesoksdatum: '2027-02-03' }, enhetschef);
  await rt.moveClock({ to: '2027-02-05T09:00:00Z' });
  await completeTask(rt, id, 'registreraSvar', { svar, svarsdatum: '2027-02-05' }, formedling);
}

/** After a yes: the hand-over meeting, the planned day 2027-02-22, the lease and Kuben, and the move-in that day. */
export async function movedIn(rt: RuntimeApi, id: string): Promise<void> {
  await completeTask(rt, id, 'kallaTillOverrapport', { overrapporteringsmote: '2027-02-08' }, arbetsterapeut);
  await completeTask(rt, id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: '2027-02-22' }, enhetschef);
  await completeTask(rt, id, 'hanteraHyreskontrakt', { kontraktsdatum: '2027-02-10' }, formedling);
  await completeTask(rt, id, 'dokumenteraOchKuben', { inflyttningsdatumDokumenterat: '2027-02-11', kubenRegistrerad: '2027-02-22' }, arbetsterapeut);
  await rt.moveClock({ to: '2027-02-22T10:00:00Z' });
  await completeTask(rt, id, 'oppnaVerkstallighet', { inflyttningsdatum: '2027-02-22' }, enhetschef);
}
