// Boendeprocess LSS (processes/lss-boende.bpmn): external placement decided by the myndighetschef, and a decision that ends unexecuted.
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

/** Order, Planering LSS, fördelning, gemensamt möte and kartläggning. */
async function intake(id: string) {
  await complete(id, 'taEmotBestallning', { planeringLssInledd: '2027-01-15' }, samordnare);
  await complete(id, 'fordelaArende', { ansvarigArbetsterapeut: 'arbetsterapeut' }, samordnare);
  await complete(id, 'gemensamtMote', { genomgangsdatum: '2027-01-20' }, samordnare);
  const info = { kartlaggningsdatum: '2027-01-25', behovssammanfattning: 'Behöver lugn miljö och stöd dygnet runt.', informationOm14Dagarsregeln: '2027-01-25' };
  await complete(id, 'kartlaggning', info, arbetsterapeut);
}

const myndighetschef = who('myndighetschef');
const verksamhetschef = who('verksamhetschef');
const externalNeed = { placering: 'extern', bedomning: 'Behov av dygnet runt-stöd med särskild kompetens som saknas i egen regi.' };

describe('lss-boende: external placement and a decision that ends', () => {
  test('when the team finds that egen regi cannot meet the need, then the myndighetschef and the verksamhetschef are told and only the myndighetschef decides', async () => {
    // given
    const id = await startCase();
    await intake(id);

    // when
    await complete(id, 'bedomPlacering', externalNeed, samordnare);

    // then
    for (const chef of [myndighetschef, verksamhetschef]) {
      expect(inbox(chef, id).map((b) => b.subject)).toEqual(['Dialog om extern placering']);
      expect(inbox(chef, id)[0]?.body).toContain('särskild kompetens');
    }
    expect(rt().listTasks({ instanceId: id }, admin).map((t) => [t.elementId, t.candidateGroups])).toEqual([['beslutaExternPlacering', ['myndighetschef']]]);
    expect(rt().listTasks({ instanceId: id }, samordnare)).toEqual([]);
  });

  test('when the myndighetschef grants it, then the samordnare arranges the placement and the decision is executed on the move-in day', async () => {
    // given
    const id = await startCase();
    await intake(id);
    await complete(id, 'bedomPlacering', externalNeed, samordnare);

    // when
    await complete(id, 'beslutaExternPlacering', { beslutExternPlacering: 'bifall', motiveringExternPlacering: 'Behovet kan inte tillgodoses i egen regi.' }, myndighetschef);
    await complete(id, 'ordnaExternPlacering', { externtBoende: 'Stiftelsen Ekbacken', externtErbjudandedatum: '2027-03-01' }, samordnare);
    await complete(id, 'externInflyttning', { inflyttningsdatum: '2027-03-20' }, samordnare);
    await rt().moveClock({ to: '2027-08-01T08:00:00Z' });

    // then
    const history = await rt().getHistory(id);
    expect(history.filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.date])).toEqual([
      ['case.erbjudande', '2027-03-01'],
      ['case.verkstallt', '2027-03-20'],
    ]);
    expect(rt().housingRegister().queue[0]).toMatchObject({ status: 'avslutad' });
    expect(apartment()).toMatchObject({ status: 'ledig' });
    expect(rt().getInstance(id).state).toBe('completed');
    expect(inbox(ivo, id)).toEqual([]);
  });

  test('when the myndighetschef says no, then the team goes on matching in egen regi', async () => {
    // given
    const id = await startCase();
    await intake(id);
    await complete(id, 'bedomPlacering', externalNeed, samordnare);

    // when
    await complete(id, 'beslutaExternPlacering', { beslutExternPlacering: 'avslag', motiveringExternPlacering: 'Solrosen kan anpassas.' }, myndighetschef);

    // then
    expect(openTasks(id)).toEqual(['matchaBostad']);
  });

  test('when the handläggare reports that the decision has ended, then it is closed with the reason for the IVO report and nothing more is watched', async () => {
    // given
    const id = await startCase();
    await intake(id);
    await rt().moveClock({ to: '2027-05-02T08:00:00Z' });

    // when
    await rt().deliverMessage(id, 'beslutetAvslutat', { avslutsorsak: 'Ansökan återtagen.' }, handlaggare);
    await rt().moveClock({ to: '2028-02-01T08:00:00Z' });

    // then
    const history = await rt().getHistory(id);
    expect(history.filter((e) => e.type === 'case.avslutat').map((e) => e.data)).toEqual([{ date: '2027-05-02', reason: 'Ansökan återtagen.' }]);
    expect(rt().getInstance(id).state).toBe('completed');
    expect(rt().housingRegister().queue[0]).toMatchObject({ status: 'avslutad' });
    expect(inbox(ivo, id)).toHaveLength(1);
    expect(inbox(formedling, id).map((b) => b.subject)).toEqual(['Beslutet har avslutats']);
    expect(rt().ivoReport('2027Q2').rows).toEqual([expect.objectContaining({ instanceId: id, rapporttyp: 'avslutat', avslutatDatum: '2027-05-02', avslutsorsak: 'Ansökan återtagen.' })]);
  });

  test('when the decision ends before anyone queued the person, then it is closed all the same', async () => {
    // given
    const id = await startCase();

    // when
    await rt().deliverMessage(id, 'beslutetAvslutat', {}, handlaggare);

    // then
    const history = await rt().getHistory(id);
    expect(history.filter((e) => e.type === 'case.avslutat').map((e) => e.data?.reason)).toEqual(['Beslutet avslutat av LSS-handläggaren']);
    expect(rt().getInstance(id).state).toBe('completed');
    expect(rt().housingRegister().queue).toEqual([]);
  });
});
