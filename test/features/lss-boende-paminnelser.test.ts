// Boendeprocess LSS (processes/lss-boende.bpmn): the 14-day answer deadline and the named defaults for "snarast" and "skyndsamt".
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

const subjects = (actor: Actor, id: string) => inbox(actor, id).map((b) => b.subject);

/** Match solrosen-3 and offer it on 2027-02-01 (the clock then stands at 2027-02-01 09:00). */
async function offered(id: string) {
  await intake(id);
  await complete(id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
  await rt().moveClock({ to: '2027-02-01T09:00:00Z' });
  await complete(id, 'erbjudBostad', { erbjudandedatum: '2027-02-01' }, formedling);
}

describe('lss-boende: deadlines and reminders', () => {
  test('when the samordnare has not received the order after the default 2 days ("snarast"), then one reminder comes', async () => {
    // given
    const id = await startCase();

    // when
    await rt().moveClock({ to: '2027-01-17T07:59:00Z' });
    const before = subjects(samordnare, id);
    await rt().moveClock({ to: '2027-01-17T08:00:00Z' });
    const at = subjects(samordnare, id);
    await rt().moveClock({ to: '2027-01-30T08:00:00Z' });

    // then
    expect(before).toEqual([]);
    expect(at).toEqual(['Påminnelse: ta emot beställningen och inled Planering LSS']);
    expect(subjects(samordnare, id)).toHaveLength(1);
    expect(rt().listTasks({ instanceId: id }, samordnare)).toEqual([expect.objectContaining({ elementId: 'taEmotBestallning', due: '2027-01-17T08:00:00.000Z' })]);
  });

  test('when the viewing has not happened after the default 3 days ("skyndsamt"), then the enhetschef is reminded once', async () => {
    // given
    const id = await startCase();
    await offered(id);

    // when
    await rt().moveClock({ to: '2027-02-04T08:59:00Z' });
    const before = subjects(enhetschef, id).filter((s) => s.startsWith('Påminnelse'));
    await rt().moveClock({ to: '2027-02-10T09:00:00Z' });

    // then
    expect(before).toEqual([]);
    expect(subjects(enhetschef, id).filter((s) => s.startsWith('Påminnelse'))).toEqual(['Påminnelse: studiebesök ska ske skyndsamt']);
    expect(openTasks(id)).toEqual(['studiebesok']);
  });

  test('when no answer is registered within 14 days of the offer, then Boendeförmedlingen is told when the last day has passed', async () => {
    // given
    const id = await startCase();
    await offered(id);
    await complete(id, 'studiebesok', { studiebesoksdatum: '2027-02-02' }, enhetschef);
    const answer = rt().listTasks({ instanceId: id }, formedling).find((t) => t.elementId === 'registreraSvar');

    // when
    await rt().moveClock({ to: '2027-02-15T22:59:00Z' });
    const onLastDay = subjects(formedling, id).filter((s) => s.startsWith('Svarsfristen'));
    await rt().moveClock({ to: '2027-02-15T23:00:00Z' });

    // then
    expect(answer?.due).toBe('2027-02-14T23:00:00.000Z');
    expect(onLastDay).toEqual([]);
    expect(subjects(formedling, id).filter((s) => s.startsWith('Svarsfristen'))).toEqual(['Svarsfristen för erbjudandet har gått ut']);
    expect(inbox(formedling, id).find((b) => b.subject.startsWith('Svarsfristen'))?.body).toContain('2027-02-15');
    expect(openTasks(id)).toEqual(['registreraSvar']);
  });

  test('when the no is not reported within the default day ("skyndsamt"), then Boendeförmedlingen is reminded', async () => {
    // given
    const id = await startCase();
    await offered(id);
    await complete(id, 'studiebesok', {}, enhetschef);
    await complete(id, 'registreraSvar', { svar: 'nej', svarsdatum: '2027-02-01' }, formedling);

    // when
    await rt().moveClock({ to: '2027-02-02T09:00:00Z' });

    // then
    expect(subjects(formedling, id).filter((s) => s.startsWith('Påminnelse'))).toEqual(['Påminnelse: rapportera att kunden tackat nej']);
    expect(openTasks(id)).toEqual(['rapporteraNej']);
  });

  test('when the hand-over meeting is not called within the default 3 days ("skyndsamt"), then the arbetsterapeut is reminded', async () => {
    // given
    const id = await startCase();
    await offered(id);
    await complete(id, 'studiebesok', {}, enhetschef);
    await complete(id, 'registreraSvar', { svar: 'ja', svarsdatum: '2027-02-01' }, formedling);

    // when
    await rt().moveClock({ to: '2027-02-04T08:59:00Z' });
    const before = subjects(arbetsterapeut, id).filter((s) => s.startsWith('Påminnelse'));
    await rt().moveClock({ to: '2027-02-04T09:00:00Z' });

    // then
    expect(before).toEqual([]);
    expect(subjects(arbetsterapeut, id).filter((s) => s.startsWith('Påminnelse'))).toEqual(['Påminnelse: kalla till överrapporteringsmöte']);
  });
});
