// Boendeprocess LSS (processes/lss-boende.bpmn): from bifallsbeslut to verkställighet in egen regi, on the manual clock.
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

describe('lss-boende', () => {
  test('when the order comes in, then the samordnare starts Planering LSS and the responsible arbetsterapeut gets the kartläggning', async () => {
    // given
    const id = await startCase();
    const first = rt().listTasks({ instanceId: id }, samordnare).map((t) => t.name);

    // when
    await complete(id, 'taEmotBestallning', { planeringLssInledd: '2027-01-15' }, samordnare);
    await complete(id, 'fordelaArende', { ansvarigArbetsterapeut: 'arbetsterapeut' }, samordnare);
    await complete(id, 'gemensamtMote', { genomgangsdatum: '2027-01-20' }, arbetsterapeut);

    // then
    expect(first).toEqual(['Ta emot beställningen och inled Planering LSS']);
    expect(inbox(arbetsterapeut, id).map((b) => b.subject)).toEqual(['Nytt ärende till Boendeteamet: läs på inför gemensamt möte']);
    const [kartlaggning] = rt().listTasks({ instanceId: id }, arbetsterapeut).filter((t) => t.elementId === 'kartlaggning');
    expect(kartlaggning).toMatchObject({ assignee: 'arbetsterapeut', candidateGroups: ['arbetsterapeut'] });
    expect(kartlaggning!.form.map((f) => f.id)).toContain('informationOm14Dagarsregeln');
  });

  test('when the team matches an apartment, then it is reserved, the person joins the queue and the enhetschef is told without the name', async () => {
    // given
    const id = await startCase();
    await intake(id);

    // when
    await complete(id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);

    // then
    expect(apartment()).toMatchObject({ status: 'reserverad' });
    expect(rt().housingRegister().queue).toEqual([
      expect.objectContaining({ applicant: 'Brukare-42', decisionDate: '2027-01-15', instanceId: id, status: 'aktiv', needs: 'Behöver lugn miljö och stöd dygnet runt.' }),
    ]);
    expect(inbox(formedling, id).map((b) => b.subject)).toEqual(['Matchning klar: erbjud bostad']);
    const [toUnit] = inbox(enhetschef, id);
    expect(toUnit?.subject).toBe('Matchning klar för lägenhet på ert boende');
    expect(toUnit?.body).not.toContain('Brukare-42');
    expect(openTasks(id)).toEqual(['erbjudBostad']);
  });

  test('when the person accepts and moves in, then the apartment is let, the decision is executed on the move-in day and nothing is watched any more', async () => {
    // given
    const id = await startCase();
    await intake(id);
    await complete(id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
    await complete(id, 'erbjudBostad', { erbjudandedatum: '2027-02-01' }, formedling);
    const answerTask = () => rt().listTasks({ instanceId: id }, formedling).find((t) => t.elementId === 'registreraSvar');
    await complete(id, 'studiebesok', { studiebesoksdatum: '2027-02-03' }, enhetschef);
    const due = answerTask()?.due;

    // when
    await complete(id, 'registreraSvar', { svar: 'ja', svarsdatum: '2027-02-05' }, formedling);
    const afterYes = openTasks(id);
    await complete(id, 'kallaTillOverrapport', { overrapporteringsmote: '2027-02-08' }, arbetsterapeut);
    await complete(id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: '2027-02-20' }, enhetschef);
    await complete(id, 'hanteraHyreskontrakt', { kontraktsdatum: '2027-02-10' }, formedling);
    const booked = { ...apartment() };
    await complete(id, 'dokumenteraOchKuben', { inflyttningsdatumDokumenterat: '2027-02-11', kubenRegistrerad: '2027-02-11' }, arbetsterapeut);
    await complete(id, 'oppnaVerkstallighet', { inflyttningsdatum: '2027-02-20' }, enhetschef);
    await rt().moveClock({ to: '2028-02-01T08:00:00Z' });

    // then
    expect(due).toBe('2027-02-14T23:00:00.000Z');
    expect(afterYes).toEqual(['kallaTillOverrapport', 'meddelaInflyttningsdatum']);
    expect(booked).toMatchObject({ status: 'bokad', moveInDate: '2027-02-20' });
    expect(apartment()).toMatchObject({ status: 'uthyrd', moveInDate: '2027-02-20' });
    expect(rt().housingRegister().queue[0]).toMatchObject({ status: 'avslutad', closedReason: 'Beslutet verkställt (inflyttning)' });
    expect(rt().housingRegister().offers).toEqual([expect.objectContaining({ offerDate: '2027-02-01', answer: 'ja' })]);
    const history = await rt().getHistory(id);
    expect(history.filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.date])).toEqual([
      ['case.erbjudande', '2027-02-01'],
      ['case.verkstallt', '2027-02-20'],
    ]);
    expect(inbox(handlaggare, id).map((b) => b.subject).sort()).toEqual(['Beslutet är verkställt', 'Planerat inflyttningsdatum']);
    expect(rt().getInstance(id)).toMatchObject({ state: 'completed', active: [] });
    expect(openTasks(id)).toEqual([]);
    expect(inbox(ivo, id)).toEqual([]);
    expect(rt().ivoReport('2027Q2').rows).toEqual([]);
  });
});
