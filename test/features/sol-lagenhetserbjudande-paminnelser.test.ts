// Deadlines of processes/sol-lagenhetserbjudande.bpmn: offer "skyndsamt", the agreed answer day, move by day 7 from korttidsboende.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor, RuntimeApi } from '../../src/engine/runtime-api.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const enhetschef: Actor = { username: 'enhetschef', roles: ['enhetschef'] };
const avgift: Actor = { username: 'avgiftshandlaggare', roles: ['avgiftshandlaggare'] };
const samordnare: Actor = { username: 'boendesamordnare', roles: ['boendesamordnare'] };
const bistand: Actor = { username: 'bistandshandlaggare', roles: ['bistandshandlaggare'] };
const housing = {
  units: [{ id: 'solbacken', name: 'Solbackens äldreboende', law: 'SoL' as const, profile: 'Särskilt boende för äldre' }],
  apartments: [{ id: 'solbacken-12', unitId: 'solbacken', number: '12', rooms: 1, sizeSqm: 32, rent: 6500, status: 'uthyrd' as const }],
};

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function complete(rt: RuntimeApi, id: string, elementId: string, values: Record<string, unknown>, actor: Actor) {
  const task = rt.listTasks({ instanceId: id }, actor).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open for ${actor.username}`);
  await rt.completeTask(task.id, values, actor);
}

const subjects = (rt: RuntimeApi, actor: Actor, id: string, subject: string) =>
  rt.listInbox(actor).filter((b) => b.instanceId === id && b.subject === subject).map((b) => b.createdAt).sort();

/** Vacancy reported and an applicant chosen and reserved for on 2027-02-01 08:00 UTC. */
async function reserved(franKorttidsboende: boolean): Promise<{ rt: RuntimeApi; id: string }> {
  const xml = await readFile('processes/sol-lagenhetserbjudande.bpmn', 'utf8');
  harness = await startHarness({ processes: [['sol-lagenhetserbjudande.bpmn', xml]], start: '2027-02-01T08:00:00Z', housing });
  const rt = harness.runtime;
  const { id } = await rt.startInstance('sol-lagenhetserbjudande', { variables: { lagenhetId: 'solbacken-12', ledighetsorsak: 'flyttat' } }, enhetschef);
  await complete(rt, id, 'journalforUtflyttning', { utflyttningsdatum: '2027-01-31' }, avgift);
  await complete(rt, id, 'meddelaKlarForInflytt', { klarForInflytt: '2027-02-01' }, enhetschef);
  await complete(rt, id, 'registreraLedigLagenhet', { lagenhetStorlek: '1 rum, 32 m²', hyra: 6500 }, avgift);
  const sokande = {
    brukare: 'Sokande-D', beslutsdatum: '2027-01-20', kon: 'man', koplats: 'ny', franKorttidsboende, prioriteringsgrund: 'Behov.',
    behov: 'Rullstol.', hemtjanstgrupp: 'ingen', kontaktuppgifter: 'Dotter, 070-333 33 33', dialogOmRum: false,
  };
  await complete(rt, id, 'boendeprioritering', sokande, samordnare);
  return { rt, id };
}

/** Offered on 2027-02-03 with the answer agreed for 2027-02-05. */
async function offered(rt: RuntimeApi, id: string) {
  await complete(rt, id, 'ringOchErbjud', { erbjudandedatum: '2027-02-03', visningsdatum: '2027-02-04', beskedsdatum: '2027-02-05', vemRinger: 'enhetschef' }, enhetschef);
  await complete(rt, id, 'andraReserveratDatum', { journalfort: true }, samordnare);
}

/** Yes on the offer, booked for 2027-02-09, order placed: the enhetschef's task is to verkställa on the move-in day. */
async function waitingForMoveIn(rt: RuntimeApi, id: string) {
  await offered(rt, id);
  await complete(rt, id, 'registreraBesked', { svar: 'ja' }, enhetschef);
  await complete(rt, id, 'meddelaTilltradesdatum', { tilltradesdatum: '2027-02-09' }, enhetschef);
  await complete(rt, id, 'andraTillBokad', { kontraktsdatumNoterat: true }, avgift);
  await complete(rt, id, 'meddelaInflyttningsdatum', { inflyttningsdatum: '2027-02-09' }, enhetschef);
  await complete(rt, id, 'bestallningTillEnhetschef', { bestallningsdatum: '2027-02-02' }, bistand);
}

describe('sol-lagenhetserbjudande, frister och påminnelser', () => {
  test('when the offer is not registered within the default 3 days, then the enhetschef is reminded once', async () => {
    // given
    const { rt, id } = await reserved(false);

    // when
    await rt.moveClock({ to: '2027-02-04T07:59:00Z' });
    const before = subjects(rt, enhetschef, id, 'Påminnelse: erbjud den reserverade lägenheten');
    await rt.moveClock({ to: '2027-02-10T08:00:00Z' });

    // then
    expect(before).toEqual([]);
    expect(subjects(rt, enhetschef, id, 'Påminnelse: erbjud den reserverade lägenheten')).toEqual(['2027-02-04T08:00:00.000Z']);
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => [t.elementId, t.due])).toEqual([['ringOchErbjud', '2027-02-04T08:00:00.000Z']]);
  });

  test('when the agreed answer day has passed without an answer, then the enhetschef is reminded the day after', async () => {
    // given
    const { rt, id } = await reserved(false);
    await offered(rt, id);

    // when
    await rt.moveClock({ to: '2027-02-05T22:59:00Z' });
    const onTheDay = subjects(rt, enhetschef, id, 'Besked om lägenheten saknas');
    await rt.moveClock({ to: '2027-02-08T08:00:00Z' });

    // then
    expect(onTheDay).toEqual([]);
    expect(subjects(rt, enhetschef, id, 'Besked om lägenheten saknas')).toEqual(['2027-02-05T23:00:00.000Z']);
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId)).toEqual(['registreraBesked']);
  });

  test('when someone coming from korttidsboende has not moved in by day 7 from the offer, then enhetschef and boendesamordnare are told', async () => {
    // given
    const { rt, id } = await reserved(true);
    await waitingForMoveIn(rt, id);

    // when
    await rt.moveClock({ to: '2027-02-10T22:59:00Z' });
    const onDaySeven = subjects(rt, enhetschef, id, 'Flytten från korttidsboende har inte skett');
    await rt.moveClock({ to: '2027-02-12T08:00:00Z' });

    // then
    expect(rt.getInstance(id).variables).toMatchObject({ hyraSenastFran: '2027-02-10' });
    expect(onDaySeven).toEqual([]);
    expect(subjects(rt, enhetschef, id, 'Flytten från korttidsboende har inte skett')).toEqual(['2027-02-10T23:00:00.000Z']);
    expect(subjects(rt, samordnare, id, 'Flytten från korttidsboende har inte skett')).toEqual(['2027-02-10T23:00:00.000Z']);
  });

  test('when someone coming from their own home has not moved in by day 10, then rent runs from day 10 and no move deadline is sent', async () => {
    // given
    const { rt, id } = await reserved(false);
    await waitingForMoveIn(rt, id);

    // when
    await rt.moveClock({ to: '2027-02-20T08:00:00Z' });

    // then
    expect(rt.getInstance(id).variables).toMatchObject({ hyraSenastFran: '2027-02-13' });
    expect(subjects(rt, enhetschef, id, 'Flytten från korttidsboende har inte skett')).toEqual([]);
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => [t.elementId, t.due])).toEqual([['verkstallBeslutet', '2027-02-08T23:00:00.000Z']]);
  });
});
