// Boendeprocess LSS (processes/lss-boende.bpmn): move-in within 3 weeks of the yes, the written reason and the 4-week alert.
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

const myndighetschef = who('myndighetschef');
const verksamhetschef = who('verksamhetschef');

/** Match, offer and a yes registered on 2027-02-05 09:00. */
async function accepted(id: string) {
  await intake(id);
  await complete(id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
  await complete(id, 'erbjudBostad', { erbjudandedatum: '2027-02-01' }, formedling);
  await complete(id, 'studiebesok', { studiebesoksdatum: '2027-02-03' }, enhetschef);
  await rt().moveClock({ to: '2027-02-05T09:00:00Z' });
  await complete(id, 'registreraSvar', { svar: 'ja', svarsdatum: '2027-02-05' }, formedling);
}

describe('lss-boende: move-in after the yes', () => {
  test('when nobody has moved in 3 weeks after the yes, then the enhetschef must give a written reason that Boendeförmedlingen and Boendeteamet receive', async () => {
    // given
    const id = await startCase();
    await accepted(id);
    await complete(id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: '2027-03-15' }, enhetschef);

    // when
    await rt().moveClock({ to: '2027-02-26T08:59:00Z' });
    const beforeThreeWeeks = rt().listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId);
    await rt().moveClock({ to: '2027-02-26T09:00:00Z' });
    const atThreeWeeks = rt().listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId);
    await complete(id, 'motiveraDrojsmal', { motiveringSenInflyttning: 'Lägenheten behöver anpassas med takliftar.' }, enhetschef);

    // then
    expect(beforeThreeWeeks).toEqual([]);
    expect(atThreeWeeks).toEqual(['motiveraDrojsmal']);
    const reasons = [formedling, arbetsterapeut, samordnare].map((a) => inbox(a, id).filter((b) => b.subject === 'Inflyttning inom 3 veckor kan inte erbjudas').map((b) => b.body));
    expect(reasons.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(reasons[0]![0]).toContain('Lägenheten behöver anpassas med takliftar.');
    const history = await rt().getHistory(id);
    expect(history.filter((e) => e.type === 'case.drojsmal').map((e) => e.data?.reason)).toEqual([
      'Inflyttning inom 3 veckor efter ja kunde inte erbjudas: Lägenheten behöver anpassas med takliftar.',
    ]);
  });

  test('when the move-in passes 4 weeks, then arbetsterapeut and samordnare alert the myndighetschef and the verksamhetschef', async () => {
    // given
    const id = await startCase();
    await accepted(id);

    // when
    await rt().moveClock({ to: '2027-03-05T09:00:00Z' });
    const teamTask = rt().listTasks({ instanceId: id }, samordnare).find((t) => t.elementId === 'meddelaLedningen');
    await complete(id, 'meddelaLedningen', { meddelandeTillLedningen: 'Anpassningen av lägenheten är försenad.' }, arbetsterapeut);

    // then
    expect(teamTask?.candidateGroups).toEqual(['arbetsterapeut', 'samordnare-externa']);
    for (const chef of [myndighetschef, verksamhetschef]) {
      expect(inbox(chef, id).map((b) => b.subject)).toEqual(['Inflyttningen överstiger 4 veckor']);
      expect(inbox(chef, id)[0]?.body).toContain('Anpassningen av lägenheten är försenad.');
    }
  });

  test('when the person moves in within 3 weeks, then no reason is asked for, nobody is alerted and the register shows the apartment let', async () => {
    // given
    const id = await startCase();
    await accepted(id);

    // when
    await complete(id, 'kallaTillOverrapport', { overrapporteringsmote: '2027-02-08' }, arbetsterapeut);
    await complete(id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: '2027-02-22' }, enhetschef);
    await complete(id, 'hanteraHyreskontrakt', { kontraktsdatum: '2027-02-10' }, formedling);
    await complete(id, 'dokumenteraOchKuben', { inflyttningsdatumDokumenterat: '2027-02-11', kubenRegistrerad: '2027-02-22' }, arbetsterapeut);
    await rt().moveClock({ to: '2027-02-22T10:00:00Z' });
    await complete(id, 'oppnaVerkstallighet', { inflyttningsdatum: '2027-02-22' }, enhetschef);
    await rt().moveClock({ to: '2027-04-01T08:00:00Z' });

    // then
    expect(openTasks(id)).toEqual([]);
    expect([myndighetschef, verksamhetschef].map((a) => inbox(a, id))).toEqual([[], []]);
    expect(inbox(formedling, id).filter((b) => b.subject.includes('3 veckor'))).toEqual([]);
    expect(apartment()).toMatchObject({ status: 'uthyrd', moveInDate: '2027-02-22' });
  });

  test('when the planned date is given, then Boendeteamet and the LSS-handläggare learn it and the apartment is booked for that day', async () => {
    // given
    const id = await startCase();
    await accepted(id);

    // when
    await complete(id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: '2027-02-22' }, enhetschef);
    const contractTask = rt().listTasks({ instanceId: id }, formedling).map((t) => t.elementId);
    await complete(id, 'hanteraHyreskontrakt', { kontraktsdatum: '2027-02-10' }, formedling);

    // then
    expect(contractTask).toEqual(['hanteraHyreskontrakt']);
    expect(apartment()).toMatchObject({ status: 'bokad', moveInDate: '2027-02-22' });
    for (const actor of [arbetsterapeut, samordnare, handlaggare]) {
      expect(inbox(actor, id).filter((b) => b.subject === 'Planerat inflyttningsdatum').map((b) => b.body)).toEqual([expect.stringContaining('2027-02-22')]);
    }
    expect(rt().listTasks({ instanceId: id }, arbetsterapeut).map((t) => [t.elementId, t.assignee]).sort()).toEqual([
      ['dokumenteraOchKuben', 'arbetsterapeut'],
      ['kallaTillOverrapport', 'arbetsterapeut'],
    ]);
  });
});
