// Boendeprocess LSS (processes/lss-boende.bpmn): the IVO watch and the yearly follow-up while the decision waits for verkställighet.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor } from '../../src/engine/runtime-api.js';
import type { HousingSeed } from '../../src/housing/housing-seed.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const who = (role: string): Actor => ({ username: role, roles: [role] });
const [handlaggare, samordnare, arbetsterapeut, formedling, enhetschef, ivo, admin] = [
  'lss-handlaggare', 'samordnare-externa', 'arbetsterapeut', 'boendeformedling', 'enhetschef', 'ivo-rapportor', 'admin',
].map(who) as [Actor, Actor, Actor, Actor, Actor, Actor, Actor];
const housing: HousingSeed = {
  units: [{ id: 'solrosen', name: 'Gruppbostad Solrosen', law: 'LSS', profile: 'Gruppbostad för vuxna' }],
  apartments: [{ id: 'solrosen-3', unitId: 'solrosen', number: '3', rooms: 2, sizeSqm: 42, rent: 6200, status: 'ledig' }],
};

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function startCase(): Promise<string> {
  const xml = await readFile('processes/lss-boende.bpmn', 'utf8');
  h = await startHarness({ processes: [['lss-boende.bpmn', xml]], start: '2027-01-15T08:00:00Z', housing });
  const variables = { beslutsdatum: '2027-01-15', brukare: 'Brukare-42', kon: 'kvinna' };
  return (await h.runtime.startInstance('lss-boende', { businessKey: 'LSS-42', variables }, handlaggare)).id;
}
const rt = () => h!.runtime;
const openTasks = (id: string) => rt().listTasks({ instanceId: id }, admin).map((t) => t.elementId).sort();
const inbox = (actor: Actor, id: string) => rt().listInbox(actor).filter((b) => b.instanceId === id && b.group === actor.roles[0]);

async function complete(id: string, elementId: string, values: Record<string, unknown>, actor: Actor) {
  const task = rt().listTasks({ instanceId: id }, actor).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open for ${actor.username}: ${openTasks(id).join(', ')}`);
  await rt().completeTask(task.id, values, actor);
}

/** Order, Planering LSS, fördelning, gemensamt möte, kartläggning and the team's assessment "egen regi". */
async function intake(id: string) {
  await complete(id, 'taEmotBestallning', { planeringLssInledd: '2027-01-15' }, samordnare);
  await complete(id, 'fordelaArende', { ansvarigArbetsterapeut: 'arbetsterapeut' }, samordnare);
  await complete(id, 'gemensamtMote', { genomgangsdatum: '2027-01-20' }, samordnare);
  const info = { kartlaggningsdatum: '2027-01-25', behovssammanfattning: 'Behöver lugn miljö och stöd dygnet runt.', informationOm14Dagarsregeln: '2027-01-25' };
  await complete(id, 'kartlaggning', info, arbetsterapeut);
  await complete(id, 'bedomPlacering', { placering: 'intern', bedomning: 'Gruppbostad i egen regi passar.' }, arbetsterapeut);
}

/** One round in the team and at Boendeförmedlingen: match, offer, viewing and the person's answer. */
async function offerRound(id: string, offerDate: string, svar: 'ja' | 'nej') {
  await complete(id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
  await complete(id, 'erbjudBostad', { erbjudandedatum: offerDate }, formedling);
  await complete(id, 'studiebesok', { studiebesoksdatum: offerDate }, enhetschef);
  await complete(id, 'registreraSvar', { svar, svarsdatum: offerDate }, formedling);
}

/** A decline that the handläggare follows up: the need remains, so the team takes the case up again. */
async function declinedAndBackToTeam(id: string, offerDate: string) {
  await offerRound(id, offerDate, 'nej');
  await complete(id, 'rapporteraNej', { avbojandeorsak: 'Vill bo närmare familjen.' }, formedling);
  await complete(id, 'taStallningTillBehovet', { behovetKvarstar: 'ja', uppfoljningsmote: true }, handlaggare);
  await complete(id, 'bedomPlacering', { placering: 'intern', bedomning: 'Fortsatt egen regi.' }, arbetsterapeut);
}

async function moveIn(id: string, date: string) {
  await complete(id, 'kallaTillOverrapport', { overrapporteringsmote: date }, arbetsterapeut);
  await complete(id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: date }, enhetschef);
  await complete(id, 'hanteraHyreskontrakt', { kontraktsdatum: date }, formedling);
  await complete(id, 'dokumenteraOchKuben', { inflyttningsdatumDokumenterat: date, kubenRegistrerad: date }, arbetsterapeut);
  await complete(id, 'oppnaVerkstallighet', { inflyttningsdatum: date }, enhetschef);
}

describe('lss-boende: IVO and yearly follow-up', () => {
  test('when the decision of 2027-01-15 is not executed, then the IVO-rapportör is watched on 2027-04-15 and 2027-07-15 despite new matching rounds, and never after verkställighet', async () => {
    // given
    const id = await startCase();
    await intake(id);
    await rt().moveClock({ to: '2027-02-10T08:00:00Z' });
    await declinedAndBackToTeam(id, '2027-02-10');

    // when
    await rt().moveClock({ to: '2027-04-14T21:59:00Z' });
    const beforeThreeMonths = inbox(ivo, id).length;
    await rt().moveClock({ to: '2027-05-10T08:00:00Z' });
    await declinedAndBackToTeam(id, '2027-05-10');
    await rt().moveClock({ to: '2027-07-20T08:00:00Z' });
    await offerRound(id, '2027-07-20', 'ja');
    await moveIn(id, '2027-08-02');
    await rt().moveClock({ to: '2028-04-16T08:00:00Z' });

    // then
    expect(beforeThreeMonths).toBe(0);
    const watched = inbox(ivo, id);
    expect(watched.map((b) => b.createdAt).sort()).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z']);
    expect(watched[0]?.body).toContain('2027-01-15');
    expect(rt().getInstance(id).state).toBe('completed');
    expect(rt().ivoReport('2027Q2').rows).toEqual([
      expect.objectContaining({ instanceId: id, rapporttyp: 'ny', kon: 'kvinna', beslutsdatum: '2027-01-15', erbjudanden: ['2027-02-10', '2027-05-10'] }),
    ]);
    expect(rt().ivoReport('2027Q3').rows).toEqual([expect.objectContaining({ instanceId: id, rapporttyp: 'verkställt', verkstalltDatum: '2027-08-02' })]);
    expect(rt().ivoReport('2027Q4').rows).toEqual([]);
  });

  test('when 3 months pass, then the samordnare writes the summary and its reason becomes the reason for the delay in the IVO report', async () => {
    // given
    const id = await startCase();
    await intake(id);

    // when
    await rt().moveClock({ to: '2027-04-15T08:00:00Z' });
    const summaryTask = rt().listTasks({ instanceId: id }, samordnare).find((t) => t.elementId === 'sammanfattaInforIvo');
    await complete(id, 'sammanfattaInforIvo', { orsakTillDrojsmal: 'Ingen ledig gruppbostad med rätt profil.', vidtagnaAtgarder: 'Bevakar nybyggnationen.' }, samordnare);

    // then
    expect(summaryTask).toMatchObject({ candidateGroups: ['samordnare-externa'], due: '2027-04-21T22:00:00.000Z' });
    expect(rt().ivoReport('2027Q2').rows).toEqual([
      expect.objectContaining({ instanceId: id, skalTillDrojsmal: expect.stringContaining('Ingen ledig gruppbostad med rätt profil.') }),
    ]);
    expect(openTasks(id)).toEqual(['matchaBostad']);
  });

  test('when a decision still waits after a year, then the LSS-handläggare follows it up every year and IVO keeps being watched every quarter', async () => {
    // given
    const id = await startCase();
    await intake(id);

    // when
    await rt().moveClock({ to: '2028-01-16T08:00:00Z' });
    const followUps = rt().listTasks({ instanceId: id }, handlaggare).map((t) => t.name);
    await complete(id, 'foljUppBeslutet', { uppfoljningsdatum: '2028-01-16', uppfoljningAnteckning: 'Behovet kvarstår.' }, handlaggare);
    await rt().moveClock({ to: '2029-01-16T08:00:00Z' });

    // then
    expect(followUps).toEqual(['Följ upp beslutet (årlig uppföljning)']);
    expect(rt().listTasks({ instanceId: id }, handlaggare).map((t) => t.elementId)).toEqual(['foljUppBeslutet']);
    expect(inbox(ivo, id)).toHaveLength(8);
    expect(rt().getInstance(id).state).toBe('running');
  });
});
