// The yes branch of processes/sol-lagenhetserbjudande.bpmn (seed 001): vacancy to verkställighet, with the register following.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor, RuntimeApi } from '../../src/engine/runtime-api.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const enhetschef: Actor = { username: 'enhetschef', roles: ['enhetschef'] };
const avgift: Actor = { username: 'avgiftshandlaggare', roles: ['avgiftshandlaggare'] };
const samordnare: Actor = { username: 'boendesamordnare', roles: ['boendesamordnare'] };
const bistand: Actor = { username: 'bistandshandlaggare', roles: ['bistandshandlaggare'] };
const utforare: Actor = { username: 'utforare', roles: ['utforare'] };
const ivo: Actor = { username: 'ivo-rapportor', roles: ['ivo-rapportor'] };
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

const inbox = (rt: RuntimeApi, actor: Actor, id: string) =>
  rt.listInbox(actor).filter((b) => b.instanceId === id).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
const apartment = (rt: RuntimeApi) => rt.housingRegister().apartments.find((a) => a.id === 'solbacken-12')!;

/** The vacancy reported on 2027-02-01 and registered as vacant in Boendemodulen. */
async function vacancyRegistered(): Promise<{ rt: RuntimeApi; id: string }> {
  const xml = await readFile('processes/sol-lagenhetserbjudande.bpmn', 'utf8');
  harness = await startHarness({ processes: [['sol-lagenhetserbjudande.bpmn', xml]], start: '2027-02-01T08:00:00Z', housing });
  const rt = harness.runtime;
  const { id } = await rt.startInstance('sol-lagenhetserbjudande', { variables: { lagenhetId: 'solbacken-12', ledighetsorsak: 'avliden' } }, enhetschef);
  await complete(rt, id, 'journalforUtflyttning', { utflyttningsdatum: '2027-01-30' }, avgift);
  await complete(rt, id, 'meddelaKlarForInflytt', { klarForInflytt: '2027-02-05' }, enhetschef);
  await complete(rt, id, 'registreraLedigLagenhet', { lagenhetStorlek: '1 rum och kök, 32 m²', hyra: 6500 }, avgift);
  return { rt, id };
}

const sokandeA = {
  brukare: 'Sokande-A', beslutsdatum: '2027-01-15', kon: 'kvinna', koplats: 'ny', franKorttidsboende: true,
  prioriteringsgrund: 'Stort omvårdnadsbehov, vistas på Utsikten.', behov: 'Hjälp med förflyttning.', hemtjanstgrupp: 'ingen',
  kontaktuppgifter: 'Dotter, 070-000 00 00', dialogOmRum: false,
};

describe('sol-lagenhetserbjudande', () => {
  test('when the apartment becomes vacant, then the three mailboxes are told and it is registered ledig from its ready date', async () => {
    // given
    const { rt, id } = await vacancyRegistered();

    // then
    expect(inbox(rt, samordnare, id).map((b) => b.subject)).toEqual(['En lägenhet har blivit ledig']);
    expect(inbox(rt, bistand, id).map((b) => b.body)).toEqual(['Lägenhet solbacken-12 på särskilt boende har blivit ledig (brukaren har avlidit).']);
    expect(apartment(rt)).toMatchObject({ status: 'ledig', readyDate: '2027-02-05' });
    expect(rt.listTasks({ instanceId: id }, samordnare).map((t) => t.name)).toEqual(['Boendeprioritering: välj sökande till lägenheten']);
  });

  test('when the chosen applicant accepts, then the apartment goes reserverad, bokad, uthyrd and the decision is verkställt on the move-in day', async () => {
    // given
    const { rt, id } = await vacancyRegistered();
    const statuses: string[] = [apartment(rt).status];

    // when
    await complete(rt, id, 'boendeprioritering', sokandeA, samordnare);
    statuses.push(apartment(rt).status);
    const reservation = inbox(rt, enhetschef, id).find((b) => b.subject.startsWith('Reservationsmeddelande'));
    await complete(rt, id, 'ringOchErbjud', { erbjudandedatum: '2027-02-03', visningsdatum: '2027-02-04', beskedsdatum: '2027-02-05', vemRinger: 'enhetschef' }, enhetschef);
    await complete(rt, id, 'andraReserveratDatum', { journalfort: true }, samordnare);
    await complete(rt, id, 'registreraBesked', { svar: 'ja' }, enhetschef);
    await complete(rt, id, 'meddelaTilltradesdatum', { tilltradesdatum: '2027-02-08' }, enhetschef);
    await complete(rt, id, 'andraTillBokad', { kontraktsdatumNoterat: true }, avgift);
    statuses.push(apartment(rt).status);
    await complete(rt, id, 'meddelaInflyttningsdatum', { inflyttningsdatum: '2027-02-08' }, enhetschef);
    await complete(rt, id, 'bestallningTillEnhetschef', { bestallningsdatum: '2027-02-06' }, bistand);
    await complete(rt, id, 'verkstallBeslutet', { verkstallighetsdatum: '2027-02-08' }, enhetschef);
    statuses.push(apartment(rt).status);
    const hemtjanstTask = rt.listTasks({ instanceId: id }, bistand).map((t) => t.name);
    await complete(rt, id, 'avslutaHemtjanst', { hemtjanstbeslut: 'avslutat' }, bistand);

    // then
    expect(statuses).toEqual(['ledig', 'reserverad', 'bokad', 'uthyrd']);
    expect(reservation?.body.split('\n')).toEqual([
      'Lägenhet som ska anvisas: solbacken-12',
      'Storlek: 1 rum och kök, 32 m²',
      'Hyra: 6500 kr per månad',
      'Erbjuds: Sokande-A',
      'Behov: Hjälp med förflyttning.',
      'Hemtjänstgrupp: ingen',
      'Kontakt: Dotter, 070-000 00 00',
    ]);
    expect(apartment(rt)).toMatchObject({ moveInDate: '2027-02-08', queueEntryId: expect.any(String) });
    const { queue, offers } = rt.housingRegister();
    expect(queue).toEqual([expect.objectContaining({ applicant: 'Sokande-A', decisionDate: '2027-01-15', atKorttidsboende: true, status: 'avslutad' })]);
    expect(offers).toEqual([expect.objectContaining({ apartmentId: 'solbacken-12', offerDate: '2027-02-03', answer: 'ja' })]);
    expect(hemtjanstTask).toEqual(['Avsluta pågående hemtjänstbeslut och dokumentera i journalanteckning']);
    expect(rt.getInstance(id).state).toBe('completed');
    expect(rt.getInstance(id).variables).toMatchObject({ hyraSenastFran: '2027-02-10' });
    const events = (await rt.getHistory(id)).filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.date]);
    expect(events).toEqual([['case.erbjudande', '2027-02-03'], ['case.verkstallt', '2027-02-08']]);
    expect(inbox(rt, ivo, id)).toEqual([]);
  });

  test('when the applicant says yes, then the avgiftshandläggare gets the access date and five recipients get the move-in date', async () => {
    // given
    const { rt, id } = await vacancyRegistered();
    await complete(rt, id, 'boendeprioritering', { ...sokandeA, franKorttidsboende: false }, samordnare);
    await complete(rt, id, 'ringOchErbjud', { erbjudandedatum: '2027-02-03', visningsdatum: '2027-02-04', beskedsdatum: '2027-02-05', vemRinger: 'enskilde' }, enhetschef);
    await complete(rt, id, 'andraReserveratDatum', { journalfort: true }, samordnare);
    await complete(rt, id, 'registreraBesked', { svar: 'ja' }, enhetschef);

    // when
    await complete(rt, id, 'meddelaTilltradesdatum', { tilltradesdatum: '2027-02-15' }, enhetschef);
    await complete(rt, id, 'andraTillBokad', { kontraktsdatumNoterat: true }, avgift);
    await complete(rt, id, 'meddelaInflyttningsdatum', { inflyttningsdatum: '2027-02-15' }, enhetschef);

    // then
    expect(inbox(rt, avgift, id).map((b) => b.body).sort()).toEqual([
      'Inflyttning i lägenhet solbacken-12 sker 2027-02-15 (Sokande-A).',
      'Lägenhet solbacken-12: tillträde och kontraktsdatum 2027-02-15, hyran startar då. Enligt rutinen gäller hyran senast från 2027-02-13; tillträdesdatumet ligger efter den dagen. Ändra lägenheten till bokad i Boendemodulen.',
    ]);
    const moveIn = rt.listInbox({ username: 'admin', roles: ['admin'] }).filter((b) => b.instanceId === id && b.subject === 'Inflyttningsdatum särskilt boende');
    expect(moveIn.map((b) => b.group).sort()).toEqual(['avgiftshandlaggare', 'bistandshandlaggare', 'boendesamordnare', 'enhetschef', 'enhetschef', 'utforare']);
    expect(inbox(rt, utforare, id)).toHaveLength(1);
    expect(rt.listTasks({ instanceId: id }, bistand).map((t) => t.name)).toEqual(['Lägg beslut och beställning till enhetschefen']);
  });
});
