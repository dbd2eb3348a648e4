// Boendeprocess LSS (processes/lss-boende.bpmn): the person declines the offer, and the handläggare decides what follows.
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
  apartments: [
    { id: 'solrosen-3', unitId: 'solrosen', number: '3', rooms: 2, sizeSqm: 42, rent: 6200, status: 'ledig' },
    { id: 'solrosen-5', unitId: 'solrosen', number: '5', rooms: 2, sizeSqm: 44, rent: 6400, status: 'uthyrd' },
  ],
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
const apartment = () => rt().housingRegister().apartments.find((a) => a.id === 'solrosen-3')!;

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

/** Match solrosen-3, offer it on 2027-02-01 and register the person's no. */
async function declined(id: string) {
  await intake(id);
  await complete(id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
  await complete(id, 'erbjudBostad', { erbjudandedatum: '2027-02-01' }, formedling);
  await complete(id, 'studiebesok', { studiebesoksdatum: '2027-02-03' }, enhetschef);
  await rt().moveClock({ to: '2027-02-05T09:00:00Z' });
  await complete(id, 'registreraSvar', { svar: 'nej', svarsdatum: '2027-02-05' }, formedling);
}

describe('lss-boende: the person declines', () => {
  test('when the person says no, then Boendeförmedlingen reports the reason, the apartment is free again and handläggare, Boendeteamet and enhetschef are told', async () => {
    // given
    const id = await startCase();
    await declined(id);
    const reportTask = rt().listTasks({ instanceId: id }, formedling).map((t) => [t.elementId, t.due]);

    // when
    await complete(id, 'rapporteraNej', { avbojandeorsak: 'Vill bo närmare familjen.' }, formedling);

    // then
    expect(reportTask).toEqual([['rapporteraNej', '2027-02-06T09:00:00.000Z']]);
    expect(apartment()).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(rt().housingRegister().offers).toEqual([expect.objectContaining({ answer: 'nej', reason: 'Vill bo närmare familjen.' })]);
    expect(rt().housingRegister().queue[0]).toMatchObject({ status: 'aktiv' });
    const told = [handlaggare, arbetsterapeut, samordnare, enhetschef].map((a) => inbox(a, id).map((b) => b.subject).filter((s) => s.includes('tackat nej')));
    expect(told).toEqual([1, 2, 3, 4].map(() => ['Kunden har tackat nej till erbjudandet']));
    expect(inbox(enhetschef, id).find((b) => b.subject.includes('tackat nej'))?.body).not.toContain('Brukare-42');
    expect(inbox(handlaggare, id)[0]?.body).toContain('Vill bo närmare familjen.');
    const history = await rt().getHistory(id);
    expect(history.filter((e) => e.type === 'case.avbojt').map((e) => e.data)).toEqual([{ date: '2027-02-05', reason: 'Vill bo närmare familjen.' }]);
    expect(openTasks(id)).toEqual(['taStallningTillBehovet']);
  });

  test('when the handläggare finds that the need remains, then the team takes the case up again and a new apartment can be offered', async () => {
    // given
    const id = await startCase();
    await declined(id);
    await complete(id, 'rapporteraNej', { avbojandeorsak: 'Vill bo närmare familjen.' }, formedling);

    // when
    await complete(id, 'taStallningTillBehovet', { behovetKvarstar: 'ja', uppfoljningsmote: true }, handlaggare);
    const afterFollowUp = openTasks(id);
    await complete(id, 'bedomPlacering', { placering: 'intern', bedomning: 'Fortsatt egen regi.' }, samordnare);
    await complete(id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Åter först på listan.' }, samordnare);

    // then
    expect(afterFollowUp).toEqual(['bedomPlacering']);
    expect(apartment()).toMatchObject({ status: 'reserverad' });
    expect(openTasks(id)).toEqual(['erbjudBostad']);
    expect(rt().getInstance(id).state).toBe('running');
  });

  test('when the need no longer remains, then the decision is closed with the reason, the queue place ends and the case is completed', async () => {
    // given
    const id = await startCase();
    await declined(id);
    await complete(id, 'rapporteraNej', { avbojandeorsak: 'Vill bo närmare familjen.' }, formedling);

    // when
    await complete(id, 'taStallningTillBehovet', { behovetKvarstar: 'nej', avslutsorsak: 'Kunden bor kvar hos familjen.' }, handlaggare);
    await rt().moveClock({ to: '2027-12-01T08:00:00Z' });

    // then
    const history = await rt().getHistory(id);
    expect(history.filter((e) => e.type === 'case.avslutat').map((e) => e.data)).toEqual([{ date: '2027-02-05', reason: 'Behovet kvarstår inte: Kunden bor kvar hos familjen.' }]);
    expect(rt().housingRegister().queue[0]).toMatchObject({ status: 'avslutad', closedReason: 'Beslutet avslutat utan verkställighet' });
    expect([samordnare, arbetsterapeut, formedling].map((a) => inbox(a, id).some((b) => b.subject === 'Beslutet har avslutats'))).toEqual([true, true, true]);
    expect(rt().getInstance(id).state).toBe('completed');
    expect(inbox(ivo, id)).toEqual([]);
  });

  test('when the reservation cannot be made because the apartment is taken, then the team is told and matches again', async () => {
    // given
    const id = await startCase();
    await intake(id);

    // when
    await complete(id, 'matchaBostad', { apartmentId: 'solrosen-5', matchning: 'Passar bäst.' }, samordnare);

    // then
    expect(inbox(arbetsterapeut, id).map((b) => b.subject)).toContain('Lägenheten kunde inte reserveras');
    expect(openTasks(id)).toEqual(['matchaBostad']);
    expect(rt().housingRegister().offers).toEqual([]);
    expect(rt().housingRegister().apartments.map((a) => a.status)).toEqual(['ledig', 'uthyrd']);
  });
});
