// Internal placement after a change of housing (byte av boende) in processes/intern-placering.bpmn (Ystad).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor, RuntimeApi } from '../../src/engine/runtime-api.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'processes', 'intern-placering.bpmn');
const lss: Actor = { username: 'lss-handlaggare', roles: ['lss-handlaggare'] };
const enhetschef: Actor = { username: 'enhetschef', roles: ['enhetschef'] };
const ivoRapportor: Actor = { username: 'ivo-rapportor', roles: ['ivo-rapportor'] };

const housing = {
  units: [
    { id: 'ekbacken', name: 'Ekbacken', law: 'LSS' as const, profile: 'Gruppbostad' },
    { id: 'lindgarden', name: 'Lindgården', law: 'LSS' as const, profile: 'Servicebostad' },
  ],
  apartments: [
    { id: 'ekbacken-2', unitId: 'ekbacken', number: '2', rooms: 1, sizeSqm: 38, rent: 6400, status: 'uthyrd' as const },
    { id: 'lindgarden-5', unitId: 'lindgarden', number: '5', rooms: 2, sizeSqm: 45, rent: 7400, status: 'ledig' as const },
  ],
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

const apartment = (rt: RuntimeApi, id: string) => rt.housingRegister().apartments.find((a) => a.id === id);

describe('intern-placering after a change of housing', () => {
  test('when a resident moves from one apartment to another, then no IVO watch runs and the enhetschef registers the apartment left behind as vacant', async () => {
    // given
    harness = await startHarness({ processes: [['intern-placering.bpmn', await readFile(file, 'utf8')]], start: '2027-03-01T08:00:00Z', housing });
    const rt = harness.runtime;
    const variables = {
      beslutsdatum: '2024-05-02', brukare: 'Brukare-30', kon: 'kvinna', lag: 'LSS', insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS', ursprung: 'byteAvBoende',
    };
    const { id } = await rt.startInstance('intern-placering', { variables }, lss);

    // when
    await rt.moveClock({ to: '2027-04-01T08:00:00Z' });
    await complete(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, lss);
    await complete(rt, id, 'anvisaLedigLagenhet', { lagenhetId: 'lindgarden-5' }, lss);
    await complete(rt, id, 'erbjudLagenheten', { erbjudandedatum: '2027-04-01', visningsdatum: '2027-04-05' }, enhetschef);
    await complete(rt, id, 'svarPaErbjudandet', { svar: 'ja' }, enhetschef);
    await complete(rt, id, 'boka', { planeratInflyttningsdatum: '2027-05-01' }, enhetschef);
    await complete(rt, id, 'skickaBestallningar', { bestallningarSkickade: true }, lss);
    await complete(rt, id, 'verkstallBestallningarna', { inflyttningsdatum: '2027-05-02' }, enhetschef);
    await complete(rt, id, 'avslutaOrdinartBoende', { ordinartBoendeAvslutat: true }, lss);
    const vacancyTask = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.name);
    await complete(rt, id, 'registreraLamnadLagenhet', { lamnadLagenhetId: 'Ekbacken 2', lamnadLagenhetKlarDatum: '2027-05-20', hyresvardInformerad: true }, enhetschef);
    const afterInvalidId = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId);
    await complete(rt, id, 'registreraLamnadLagenhet', { lamnadLagenhetId: 'ekbacken-22', lamnadLagenhetKlarDatum: '2027-05-20', hyresvardInformerad: true }, enhetschef);
    const afterUnknownId = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId);
    await complete(rt, id, 'registreraLamnadLagenhet', { lamnadLagenhetId: 'ekbacken-2', lamnadLagenhetKlarDatum: '2027-05-20', hyresvardInformerad: true }, enhetschef);

    // then
    expect(rt.listInbox(ivoRapportor).filter((b) => b.instanceId === id)).toEqual([]);
    expect(vacancyTask).toEqual(['Registrera den lämnade lägenheten som ledig och informera hyresvärden']);
    expect(afterInvalidId).toEqual(['registreraLamnadLagenhet']);
    expect(afterUnknownId).toEqual(['registreraLamnadLagenhet']);
    expect(apartment(rt, 'ekbacken-2')).toMatchObject({ status: 'ledig', readyDate: '2027-05-20' });
    expect(apartment(rt, 'lindgarden-5')).toMatchObject({ status: 'uthyrd', moveInDate: '2027-05-02' });
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the case is a new decision, then no apartment is registered as vacant after the move-in', async () => {
    // given
    harness = await startHarness({ processes: [['intern-placering.bpmn', await readFile(file, 'utf8')]], start: '2027-03-01T08:00:00Z', housing });
    const rt = harness.runtime;
    const variables = { beslutsdatum: '2027-02-20', brukare: 'Brukare-31', kon: 'man', lag: 'LSS', insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS', ursprung: 'nyttBeslut' };
    const { id } = await rt.startInstance('intern-placering', { variables }, lss);

    // when
    await complete(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, lss);
    await complete(rt, id, 'anvisaLedigLagenhet', { lagenhetId: 'lindgarden-5' }, lss);
    await complete(rt, id, 'erbjudLagenheten', { erbjudandedatum: '2027-03-01', visningsdatum: '2027-03-03' }, enhetschef);
    await complete(rt, id, 'svarPaErbjudandet', { svar: 'ja' }, enhetschef);
    await complete(rt, id, 'boka', { planeratInflyttningsdatum: '2027-03-15' }, enhetschef);
    await complete(rt, id, 'skickaBestallningar', { bestallningarSkickade: false }, lss);
    await complete(rt, id, 'verkstallBestallningarna', { inflyttningsdatum: '2027-03-15' }, enhetschef);
    await complete(rt, id, 'avslutaOrdinartBoende', { ordinartBoendeAvslutat: true }, lss);

    // then
    expect(rt.listTasks({ instanceId: id }, enhetschef)).toEqual([]);
    expect(apartment(rt, 'ekbacken-2')?.status).toBe('uthyrd');
    expect(rt.getInstance(id).state).toBe('completed');
  });
});
