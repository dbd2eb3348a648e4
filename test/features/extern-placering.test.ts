// Whole flows of processes/extern-placering.bpmn (Ystad, extern placering) on the runtime with the manual clock.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor, RuntimeApi } from '../../src/engine/runtime-api.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'processes', 'extern-placering.bpmn');
const lss: Actor = { username: 'lss-handlaggare', roles: ['lss-handlaggare'] };
const systemansvarig: Actor = { username: 'admin', roles: ['admin'] };
const verksamhetschef: Actor = { username: 'verksamhetschef', roles: ['verksamhetschef'] };
const ivoRapportor: Actor = { username: 'ivo-rapportor', roles: ['ivo-rapportor'] };

const housing = {
  units: [{ id: 'extern-havsutsikten', name: 'Havsutsikten (upphandlat företag)', law: 'LSS' as const, profile: 'Gruppbostad, extern placering' }],
  apartments: [{ id: 'havsutsikten-4', unitId: 'extern-havsutsikten', number: '4', rooms: 1, sizeSqm: 40, rent: 6900, status: 'ledig' as const }],
};

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function startCase(): Promise<{ rt: RuntimeApi; id: string }> {
  harness = await startHarness({ processes: [['extern-placering.bpmn', await readFile(file, 'utf8')]], start: '2027-01-15T08:00:00Z', housing });
  const rt = harness.runtime;
  const variables = {
    beslutsdatum: '2027-01-15', brukare: 'Brukare-40', kon: 'man', lag: 'LSS', insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS',
    ursprung: 'nyttBeslut', placeringstyp: 'permanent',
  };
  const { id } = await rt.startInstance('extern-placering', { variables }, lss);
  return { rt, id };
}

async function complete(rt: RuntimeApi, id: string, elementId: string, values: Record<string, unknown>, actor: Actor) {
  const task = rt.listTasks({ instanceId: id }, actor).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open for ${actor.username}`);
  await rt.completeTask(task.id, values, actor);
}

const openTasks = (rt: RuntimeApi, id: string) => rt.listTasks({ instanceId: id }, systemansvarig).map((t) => t.elementId).sort();
const inbox = (rt: RuntimeApi, actor: Actor, id: string) => rt.listInbox(actor).filter((b) => b.instanceId === id).sort((a, b) => a.createdAt.localeCompare(b.createdAt));

/** Search, tjänsteskrivelse and the committee's decision. */
async function toCommittee(rt: RuntimeApi, id: string, arbetsutskottetsBeslut: 'bifall' | 'avslag') {
  await complete(rt, id, 'sokLampligLagenhet', { sokresultat: 'hittad' }, lss);
  await complete(rt, id, 'upprattaTjansteskrivelse', { externUtforare: 'Havsutsikten AB', tjansteskrivelseDatum: '2027-01-20', sammantradesdatum: '2027-02-03' }, lss);
  const committeeTask = rt.listTasks({ instanceId: id }, lss)[0];
  await complete(rt, id, 'registreraArbetsutskottetsBeslut', { arbetsutskottetsBeslut, arbetsutskottetsBeslutsdatum: '2027-02-03' }, lss);
  return committeeTask;
}

describe('extern-placering', () => {
  test('when the committee grants the placement, then the apartment is registered, verkställighet is the move-in day and follow-ups come twice a year', async () => {
    // given
    const { rt, id } = await startCase();

    // when
    const committeeTask = await toCommittee(rt, id, 'bifall');
    const registrationTasks = rt.listTasks({ instanceId: id }, systemansvarig).map((t) => [t.elementId, t.candidateGroups]);
    await complete(rt, id, 'registreraNyLagenhet', { lagenhetId: 'havsutsikten-4' }, systemansvarig);
    const reserved = rt.housingRegister().apartments[0]?.status;
    await complete(rt, id, 'verkstallExternPlacering', { inflyttningsdatum: '2027-03-01' }, lss);
    const afterMoveIn = openTasks(rt, id);
    await rt.moveClock({ to: '2027-09-01T08:00:00Z' });
    await complete(rt, id, 'inhamtaGenomforandeplan', { genomforandeplanDatum: '2027-08-20' }, lss);
    const followUp = openTasks(rt, id);
    await complete(rt, id, 'foljUppBeslutet', { behovenTillgodoses: true, kontakterDokumenterade: true }, lss);
    await complete(rt, id, 'foljUppPlaceringen', { placeringenKvalitativ: true, kostnadenForenlig: false }, verksamhetschef);
    await rt.moveClock({ to: '2028-03-01T08:00:00Z' });
    const secondRound = openTasks(rt, id);
    await complete(rt, id, 'pagaendePlacering', { placeringenAvslutadDen: '2028-03-10', placeringenAvslutadOrsak: 'Flyttar till egen lägenhet' }, lss);

    // then
    expect(committeeTask).toMatchObject({ elementId: 'registreraArbetsutskottetsBeslut', due: '2027-02-02T23:00:00.000Z' });
    expect(registrationTasks).toEqual([['registreraNyLagenhet', ['admin']]]);
    expect(reserved).toBe('reserverad');
    expect(rt.housingRegister().apartments[0]).toMatchObject({ status: 'uthyrd', moveInDate: '2027-03-01' });
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad', decisionDate: '2027-01-15' });
    expect(afterMoveIn).toEqual(['pagaendePlacering']);
    expect(inbox(rt, verksamhetschef, id).map((b) => b.subject)).toEqual(['Extern placering verkställd']);
    expect(followUp).toEqual(['foljUppBeslutet', 'foljUppPlaceringen', 'pagaendePlacering']);
    expect(secondRound).toEqual(['inhamtaGenomforandeplan', 'pagaendePlacering']);
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.date])).toEqual([['case.verkstallt', '2027-03-01']]);
    expect(history.filter((e) => e.type === 'timer.fired' && e.elementId === 'uppfoljningTvaGangerPerAr').map((e) => e.at)).toEqual(['2027-08-31T22:00:00.000Z', '2028-02-29T23:00:00.000Z']);
    expect(inbox(rt, ivoRapportor, id)).toEqual([]);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the committee does not grant the placement, then Myndigheten searches again', async () => {
    // given
    const { rt, id } = await startCase();

    // when
    await toCommittee(rt, id, 'avslag');

    // then
    expect(openTasks(rt, id)).toEqual(['sokLampligLagenhet']);
    expect(rt.housingRegister().apartments[0]?.status).toBe('ledig');
  });

  test('when the registered apartment is unknown, then Myndigheten is told and the systemansvarig registers it again', async () => {
    // given
    const { rt, id } = await startCase();
    await toCommittee(rt, id, 'bifall');

    // when
    await complete(rt, id, 'registreraNyLagenhet', { lagenhetId: 'havsutsikten-44' }, systemansvarig);

    // then
    expect(inbox(rt, lss, id).map((b) => [b.group, b.subject])).toEqual([['lss-handlaggare', 'Den externa lägenheten kunde inte kopplas till placeringen']]);
    expect(openTasks(rt, id)).toEqual(['registreraNyLagenhet']);
  });

  test('when nothing is executed, then the IVO-rapportör is watched quarterly until the move-in day', async () => {
    // given
    const { rt, id } = await startCase();
    await toCommittee(rt, id, 'bifall');
    await complete(rt, id, 'registreraNyLagenhet', { lagenhetId: 'havsutsikten-4' }, systemansvarig);

    // when
    await rt.moveClock({ to: '2027-05-01T08:00:00Z' });
    const reasonTask = rt.listTasks({ instanceId: id }, lss).find((t) => t.elementId === 'angeSkalTillDrojsmal');
    await complete(rt, id, 'verkstallExternPlacering', { inflyttningsdatum: '2027-05-02' }, lss);
    await rt.moveClock({ to: '2028-01-01T08:00:00Z' });

    // then
    expect(inbox(rt, ivoRapportor, id).map((b) => b.createdAt)).toEqual(['2027-04-14T22:00:00.000Z']);
    expect(reasonTask?.candidateGroups).toEqual(['bistandshandlaggare', 'lss-handlaggare']);
  });

  test('when Myndigheten closes the decision instead, then it is recorded with its reason and the case ends', async () => {
    // given
    const { rt, id } = await startCase();

    // when
    await complete(rt, id, 'sokLampligLagenhet', { sokresultat: 'avsluta' }, lss);
    await complete(rt, id, 'avslutaBeslutet', { avslutsorsak: 'Behovet har upphört' }, lss);

    // then
    const events = (await rt.getHistory(id)).filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.reason]);
    expect(events).toEqual([['case.avslutat', 'Behovet har upphört']]);
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad', closedReason: 'Behovet har upphört' });
    expect(rt.getInstance(id).state).toBe('completed');
  });
});
