// Side paths of processes/sol-lagenhetserbjudande.bpmn: wrong apartment id, room dialog, existing queue entry, apartment taken.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor, RuntimeApi } from '../../src/engine/runtime-api.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const enhetschef: Actor = { username: 'enhetschef', roles: ['enhetschef'] };
const avgift: Actor = { username: 'avgiftshandlaggare', roles: ['avgiftshandlaggare'] };
const samordnare: Actor = { username: 'boendesamordnare', roles: ['boendesamordnare'] };
const apartments = ['12', '14'].map((number) => ({ id: `solbacken-${number}`, unitId: 'solbacken', number, rooms: 1, sizeSqm: 32, rent: 6500, status: 'uthyrd' as const }));
const housing = { units: [{ id: 'solbacken', name: 'Solbackens äldreboende', law: 'SoL' as const, profile: 'Särskilt boende för äldre' }], apartments };

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

const openTasks = (rt: RuntimeApi, id: string) => rt.listTasks({ instanceId: id }, { username: 'admin', roles: ['admin'] }).map((t) => t.elementId).sort();
const apartment = (rt: RuntimeApi, id: string) => rt.housingRegister().apartments.find((a) => a.id === id)!;
const sokande = (brukare: string, extra: Record<string, unknown> = {}) => ({
  brukare, beslutsdatum: '2027-01-20', kon: 'kvinna', koplats: 'ny', franKorttidsboende: false, prioriteringsgrund: 'Kötid.',
  behov: 'Tillsyn nattetid.', hemtjanstgrupp: 'ingen', kontaktuppgifter: 'Syster, 070-444 44 44', dialogOmRum: false, ...extra,
});

async function runtime(): Promise<RuntimeApi> {
  const xml = await readFile('processes/sol-lagenhetserbjudande.bpmn', 'utf8');
  harness = await startHarness({ processes: [['sol-lagenhetserbjudande.bpmn', xml]], start: '2027-02-01T08:00:00Z', housing });
  return harness.runtime;
}

/** A vacancy for `lagenhetId` reported and (when the id exists) registered ledig. */
async function vacancy(rt: RuntimeApi, lagenhetId: string): Promise<string> {
  const { id } = await rt.startInstance('sol-lagenhetserbjudande', { variables: { lagenhetId, ledighetsorsak: 'flyttat' } }, enhetschef);
  await complete(rt, id, 'journalforUtflyttning', { utflyttningsdatum: '2027-01-31' }, avgift);
  await complete(rt, id, 'meddelaKlarForInflytt', { klarForInflytt: '2027-02-03' }, enhetschef);
  await complete(rt, id, 'registreraLedigLagenhet', { lagenhetStorlek: '1 rum, 32 m²', hyra: 6500 }, avgift);
  return id;
}

describe('sol-lagenhetserbjudande, varianter', () => {
  test('when the reported apartment id is not in Boendemodulen, then the avgiftshandläggare corrects it and the right apartment becomes ledig', async () => {
    // given
    const rt = await runtime();
    const id = await vacancy(rt, 'solbacken-99');
    const afterRegistering = openTasks(rt, id);

    // when
    await complete(rt, id, 'rattaLagenhetId', { lagenhetId: 'solbacken-12' }, avgift);

    // then
    expect(afterRegistering).toEqual(['rattaLagenhetId']);
    expect(apartment(rt, 'solbacken-12')).toMatchObject({ status: 'ledig', readyDate: '2027-02-03' });
    expect(openTasks(rt, id)).toEqual(['boendeprioritering']);
  });

  test('when the enhetschef finds the room unsuitable in the dialog, then the apartment goes back to boendeprioritering unreserved', async () => {
    // given
    const rt = await runtime();
    const id = await vacancy(rt, 'solbacken-12');
    await complete(rt, id, 'boendeprioritering', sokande('Sokande-E', { dialogOmRum: true }), samordnare);
    const dialog = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.name);

    // when
    await complete(rt, id, 'dialogOmLampligtRum', { lagenhetenLamplig: false, dialogKommentar: 'Rum 14 passar bättre.' }, enhetschef);
    const afterDialog = openTasks(rt, id);
    const statusAfterDialog = apartment(rt, 'solbacken-12').status;
    await complete(rt, id, 'boendeprioritering', sokande('Sokande-F'), samordnare);

    // then
    expect(dialog).toEqual(['Dialog om vilket rum som är lämpligast att erbjuda']);
    expect(afterDialog).toEqual(['boendeprioritering']);
    expect(statusAfterDialog).toBe('ledig');
    expect(rt.housingRegister().queue.map((q) => q.applicant)).toEqual(['Sokande-F']);
    expect(apartment(rt, 'solbacken-12').status).toBe('reserverad');
    expect(openTasks(rt, id)).toEqual(['ringOchErbjud']);
  });

  test('when the applicant already stands in the queue, then the apartment is reserved on that queue entry and no new one is made', async () => {
    // given
    const rt = await runtime();
    const first = await vacancy(rt, 'solbacken-12');
    await complete(rt, first, 'boendeprioritering', sokande('Sokande-G'), samordnare);
    const [entry] = rt.housingRegister().queue;
    const second = await vacancy(rt, 'solbacken-14');

    // when
    await complete(rt, second, 'boendeprioritering', sokande('Sokande-G', { koplats: 'finns' }), samordnare);
    const asked = rt.listTasks({ instanceId: second }, samordnare).map((t) => t.name);
    await complete(rt, second, 'angeKoplats', { queueEntryId: entry!.id }, samordnare);

    // then
    expect(asked).toEqual(['Ange den sökandes köplats i Boendemodulen']);
    expect(rt.housingRegister().queue).toHaveLength(1);
    expect(apartment(rt, 'solbacken-14')).toMatchObject({ status: 'reserverad', queueEntryId: entry!.id });
  });

  test('when the apartment was reserved by another case meanwhile, then the boendesamordnare is told and prioritises again', async () => {
    // given
    const rt = await runtime();
    const first = await vacancy(rt, 'solbacken-12');
    const second = await vacancy(rt, 'solbacken-12');
    await complete(rt, first, 'boendeprioritering', sokande('Sokande-H'), samordnare);

    // when
    await complete(rt, second, 'boendeprioritering', sokande('Sokande-I'), samordnare);

    // then
    expect(rt.listInbox(samordnare).filter((b) => b.instanceId === second).map((b) => b.subject)).toContain('Lägenheten kunde inte reserveras');
    expect(openTasks(rt, second)).toEqual(['boendeprioritering']);
    expect(rt.getInstance(second).state).toBe('running');
    expect(apartment(rt, 'solbacken-12').status).toBe('reserverad');
  });
});
