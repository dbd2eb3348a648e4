// IVO watch of processes/sol-lagenhetserbjudande.bpmn: from the chosen applicant's beslutsdatum until the move-in day.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor, RuntimeApi } from '../../src/engine/runtime-api.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const enhetschef: Actor = { username: 'enhetschef', roles: ['enhetschef'] };
const avgift: Actor = { username: 'avgiftshandlaggare', roles: ['avgiftshandlaggare'] };
const samordnare: Actor = { username: 'boendesamordnare', roles: ['boendesamordnare'] };
const bistand: Actor = { username: 'bistandshandlaggare', roles: ['bistandshandlaggare'] };
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

const ivoInbox = (rt: RuntimeApi, id: string) =>
  rt.listInbox(ivo).filter((b) => b.instanceId === id).sort((a, b) => a.createdAt.localeCompare(b.createdAt));

/** Vacancy on 2027-02-01; an applicant with this beslutsdatum chosen the same day. */
async function applicantChosen(beslutsdatum: string): Promise<{ rt: RuntimeApi; id: string }> {
  const xml = await readFile('processes/sol-lagenhetserbjudande.bpmn', 'utf8');
  harness = await startHarness({ processes: [['sol-lagenhetserbjudande.bpmn', xml]], start: '2027-02-01T08:00:00Z', housing });
  const rt = harness.runtime;
  const { id } = await rt.startInstance('sol-lagenhetserbjudande', { businessKey: 'SÄBO-12', variables: { lagenhetId: 'solbacken-12', ledighetsorsak: 'flyttat' } }, enhetschef);
  await complete(rt, id, 'journalforUtflyttning', { utflyttningsdatum: '2027-01-31' }, avgift);
  await complete(rt, id, 'meddelaKlarForInflytt', { klarForInflytt: '2027-02-03' }, enhetschef);
  await complete(rt, id, 'registreraLedigLagenhet', { lagenhetStorlek: '1 rum, 32 m²', hyra: 6500 }, avgift);
  const sokande = {
    brukare: 'Sokande-C', beslutsdatum, kon: 'kvinna', koplats: 'ny', franKorttidsboende: false, prioriteringsgrund: 'Kötid.',
    behov: 'Omvårdnad dygnet runt.', hemtjanstgrupp: 'Hemtjänst Syd', kontaktuppgifter: 'Make, 070-222 22 22', dialogOmRum: false,
  };
  await complete(rt, id, 'boendeprioritering', sokande, samordnare);
  return { rt, id };
}

/** Offer on 2027-02-03, yes, booked; the move-in waits until `moveIn`. */
async function acceptedButNotMovedIn(rt: RuntimeApi, id: string) {
  await complete(rt, id, 'ringOchErbjud', { erbjudandedatum: '2027-02-03', visningsdatum: '2027-02-04', beskedsdatum: '2027-02-05', vemRinger: 'enhetschef' }, enhetschef);
  await complete(rt, id, 'andraReserveratDatum', { journalfort: true }, samordnare);
  await complete(rt, id, 'registreraBesked', { svar: 'ja' }, enhetschef);
  await complete(rt, id, 'meddelaTilltradesdatum', { tilltradesdatum: '2027-02-13' }, enhetschef);
  await complete(rt, id, 'andraTillBokad', { kontraktsdatumNoterat: true }, avgift);
  await complete(rt, id, 'meddelaInflyttningsdatum', { inflyttningsdatum: '2027-02-13' }, enhetschef);
  await complete(rt, id, 'bestallningTillEnhetschef', { bestallningsdatum: '2027-02-10' }, bistand);
}

describe('sol-lagenhetserbjudande, IVO-bevakning', () => {
  test('when the move-in is delayed, then the IVO-rapportör is watched 3 months after beslutsdatum and every 3 months, never after verkställighet', async () => {
    // given
    const { rt, id } = await applicantChosen('2027-01-15');
    await acceptedButNotMovedIn(rt, id);

    // when
    await rt.moveClock({ to: '2027-04-14T21:59:00Z' });
    const beforeThreeMonths = ivoInbox(rt, id).length;
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });
    const waiting = ivoInbox(rt, id);
    await complete(rt, id, 'verkstallBeslutet', { verkstallighetsdatum: '2027-07-20' }, enhetschef);
    await rt.moveClock({ to: '2028-01-20T08:00:00Z' });

    // then
    expect(beforeThreeMonths).toBe(0);
    expect(waiting.map((b) => b.createdAt)).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z']);
    expect(waiting[0]?.body).toContain('från 2027-01-15 har inte verkställts inom tre månader (2027-04-15)');
    expect(ivoInbox(rt, id)).toHaveLength(2);
    expect(rt.listInbox(samordnare).filter((b) => b.instanceId === id && b.subject === 'Tre månader utan verkställighet')).toHaveLength(2);
    expect(rt.listTasks({ instanceId: id }, bistand).map((t) => t.elementId)).toEqual(['avslutaHemtjanst']);
  });

  test('when the move-in is delayed past 3 months, then the IVO report shows the offer and the day the decision was executed', async () => {
    // given
    const { rt, id } = await applicantChosen('2027-01-15');
    await acceptedButNotMovedIn(rt, id);
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });

    // when
    await complete(rt, id, 'verkstallBeslutet', { verkstallighetsdatum: '2027-07-20' }, enhetschef);

    // then
    expect(rt.ivoReport('2027Q1').rows).toEqual([]);
    expect(rt.ivoReport('2027Q2').rows).toEqual([
      expect.objectContaining({
        instanceId: id, businessKey: 'SÄBO-12', processKey: 'sol-lagenhetserbjudande', rapporttyp: 'ny', lag: 'SoL', kon: 'kvinna', brukare: 'Sokande-C',
        insats: 'Särskilt boende för äldre, bistånd enligt socialtjänstlagen', beslutsdatum: '2027-01-15', rapporteringspliktigFran: '2027-04-15',
        erbjudanden: ['2027-02-03'], tackatNej: [], verkstalltDatum: null,
      }),
    ]);
    expect(rt.ivoReport('2027Q3').rows).toEqual([expect.objectContaining({ instanceId: id, rapporttyp: 'verkställt', verkstalltDatum: '2027-07-20' })]);
  });

  test('when the chosen applicant’s decision is already older than 3 months, then the IVO-rapportör is told at the next weekly check', async () => {
    // given
    const { rt, id } = await applicantChosen('2026-10-20');

    // when
    await rt.moveClock({ to: '2027-04-25T08:00:00Z' });

    // then
    expect(ivoInbox(rt, id).map((b) => b.createdAt)).toEqual(['2027-02-07T23:00:00.000Z', '2027-04-19T22:00:00.000Z']);
    expect(ivoInbox(rt, id)[0]?.body).toContain('från 2026-10-20 har inte verkställts inom tre månader (2027-01-20)');
  });

  test('when no applicant has been chosen yet, then no IVO watch is sent', async () => {
    // given
    const xml = await readFile('processes/sol-lagenhetserbjudande.bpmn', 'utf8');
    harness = await startHarness({ processes: [['sol-lagenhetserbjudande.bpmn', xml]], start: '2027-02-01T08:00:00Z', housing });
    const rt = harness.runtime;
    const { id } = await rt.startInstance('sol-lagenhetserbjudande', { variables: { lagenhetId: 'solbacken-12', ledighetsorsak: 'avliden' } }, enhetschef);
    await complete(rt, id, 'journalforUtflyttning', { utflyttningsdatum: '2027-01-31' }, avgift);
    await complete(rt, id, 'meddelaKlarForInflytt', { klarForInflytt: '2027-02-03' }, enhetschef);
    await complete(rt, id, 'registreraLedigLagenhet', { lagenhetStorlek: '1 rum, 32 m²', hyra: 6500 }, avgift);

    // when
    await rt.moveClock({ to: '2027-06-01T08:00:00Z' });

    // then
    expect(ivoInbox(rt, id)).toEqual([]);
    expect(rt.getInstance(id).state).toBe('running');
    expect(rt.ivoReport('2027Q2').rows).toEqual([]);
  });
});
