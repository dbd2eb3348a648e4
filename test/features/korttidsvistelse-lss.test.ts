// Whole flows of processes/korttidsvistelse-lss.bpmn (Botkyrka, korttidsvistelse LSS) on the runtime with the manual clock.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor, RuntimeApi } from '../../src/engine/runtime-api.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'processes', 'korttidsvistelse-lss.bpmn');
const handlaggare: Actor = { username: 'lss-handlaggare', roles: ['lss-handlaggare'] };
const enhetschef: Actor = { username: 'enhetschef', roles: ['enhetschef'] };
const ivoRapportor: Actor = { username: 'ivo-rapportor', roles: ['ivo-rapportor'] };
const admin: Actor = { username: 'admin', roles: ['admin'] };

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** A runtime of its own with the real diagram, the clock at 2027-01-15 08:00 UTC, and one started order. */
async function startOrder(beslutsdatum = '2027-01-15'): Promise<{ rt: RuntimeApi; id: string }> {
  harness = await startHarness({ processes: [['korttidsvistelse-lss.bpmn', await readFile(file, 'utf8')]], start: '2027-01-15T08:00:00Z' });
  const rt = harness.runtime;
  const variables = { beslutsdatum, brukare: 'Brukare-17', kon: 'man', antalDygn: 8, behov: 'Avlösning varannan helg.' };
  const { id } = await rt.startInstance('korttidsvistelse-lss', { variables }, handlaggare);
  return { rt, id };
}

function openTasks(rt: RuntimeApi, id: string): string[] {
  return rt.listTasks({ instanceId: id }, admin).map((t) => t.elementId).sort();
}

async function complete(rt: RuntimeApi, id: string, elementId: string, values: Record<string, unknown>, actor: Actor) {
  const task = rt.listTasks({ instanceId: id }, actor).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open for ${actor.username}`);
  await rt.completeTask(task.id, values, actor);
}

function inbox(rt: RuntimeApi, actor: Actor, id: string) {
  return rt.listInbox(actor).filter((b) => b.instanceId === id).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

describe('korttidsvistelse-lss', () => {
  test('when the enhetschef verkställer the order at once, then verkställigheten is pågående and IVO is never watched', async () => {
    // given
    const { rt, id } = await startOrder();
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.name)).toEqual(['Verkställ beställning']);

    // when
    await complete(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);
    await rt.moveClock({ to: '2027-10-16T08:00:00Z' });

    // then
    expect(rt.getInstance(id).active.map((a) => a.elementId)).toContain('pagaendeVerkstallighet');
    expect(openTasks(rt, id)).toEqual([]);
    expect(inbox(rt, ivoRapportor, id)).toEqual([]);
  });

  test('when the order cannot be executed, then the handläggare confirms the reason and the order is executed later', async () => {
    // given
    const { rt, id } = await startOrder();

    // when
    await rt.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Ingen ledig plats i februari.' }, enhetschef);
    const afterReport = openTasks(rt, id);
    await rt.moveClock({ advance: 'P1D' });
    await complete(rt, id, 'bekraftaMeddelande', { kommentarTillUtforaren: 'Mottaget.' }, handlaggare);
    await complete(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-03-01' }, enhetschef);

    // then
    expect(afterReport).toEqual(['bekraftaMeddelande', 'verkstallBestallning']);
    expect(rt.getInstance(id).variables).toMatchObject({ orsak: 'Ingen ledig plats i februari.', verkstallighetsdatum: '2027-03-01' });
    expect(rt.getInstance(id).active.map((a) => a.elementId)).toContain('pagaendeVerkstallighet');
    expect(inbox(rt, handlaggare, id)).toEqual([]);
  });

  test('when no confirmation has come after the default 3 days, then the handläggare gets one reminder', async () => {
    // given
    const { rt, id } = await startOrder();
    await rt.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Personalbrist.' }, enhetschef);

    // when
    await rt.moveClock({ to: '2027-01-18T07:59:00Z' });
    const beforeDefault = inbox(rt, handlaggare, id);
    await rt.moveClock({ to: '2027-01-18T08:00:00Z' });
    const atDefault = inbox(rt, handlaggare, id);
    await rt.moveClock({ advance: 'P10D' });

    // then
    expect(beforeDefault).toEqual([]);
    expect(atDefault.map((b) => [b.group, b.subject])).toEqual([['lss-handlaggare', 'Påminnelse: bekräfta meddelandet från utföraren']]);
    expect(inbox(rt, handlaggare, id)).toHaveLength(1);
    expect(openTasks(rt, id)).toEqual(['bekraftaMeddelande', 'verkstallBestallning']);
  });

  test('when a new order replaces the executed one, then the enhetschef verkställer it and ends the earlier order', async () => {
    // given
    const { rt, id } = await startOrder();
    await complete(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);

    // when
    await rt.deliverMessage(id, 'nyBestallning', { beslutsdatum: '2027-01-15', antalDygn: 12, behov: 'Fler dygn.' }, handlaggare);
    const afterNewOrder = openTasks(rt, id);
    await complete(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-02-01', tidigareBestallningAvslutad: true }, enhetschef);

    // then
    expect(afterNewOrder).toEqual(['verkstallBestallning']);
    expect(rt.getInstance(id).variables).toMatchObject({ antalDygn: 12, tidigareBestallningAvslutad: true, verkstallighetsdatum: '2027-02-01' });
    expect(rt.getInstance(id).active.map((a) => a.elementId)).toContain('pagaendeVerkstallighet');
  });

  test('when the handläggare ends the order, then the enhetschef ends verkställigheten and the case is completed', async () => {
    // given
    const { rt, id } = await startOrder();
    await complete(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);

    // when
    await rt.deliverMessage(id, 'bestallningAvslutad', {}, handlaggare);
    const afterEnd = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.name);
    await complete(rt, id, 'avslutaVerkstallighet', { avslutsdatum: '2027-06-30' }, enhetschef);

    // then
    expect(afterEnd).toEqual(['Avsluta verkställighet']);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the utförare learns during verkställighet that the person died, then the handläggare is told and verkställigheten ends', async () => {
    // given
    const { rt, id } = await startOrder();
    await complete(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);

    // when
    await rt.deliverMessage(id, 'brukareAvliden', { meddelatAv: 'utforare' }, enhetschef);
    await complete(rt, id, 'avslutaVerkstallighet', { avslutsdatum: '2027-01-25' }, enhetschef);

    // then
    expect(inbox(rt, handlaggare, id).map((b) => b.subject)).toEqual(['Brukaren har avlidit']);
    expect(inbox(rt, enhetschef, id)).toEqual([]);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the handläggare reports before verkställighet that the person died, then the utförare is told and no IVO watch follows', async () => {
    // given
    const { rt, id } = await startOrder();

    // when
    await rt.deliverMessage(id, 'brukareAvliden', { meddelatAv: 'handlaggare' }, handlaggare);
    const afterDeath = openTasks(rt, id);
    await rt.moveClock({ to: '2027-07-16T08:00:00Z' });

    // then
    expect(afterDeath).toEqual(['avslutaVerkstallighet']);
    expect(inbox(rt, enhetschef, id).map((b) => b.subject)).toEqual(['Brukaren har avlidit']);
    expect(inbox(rt, handlaggare, id)).toEqual([]);
    expect(inbox(rt, ivoRapportor, id)).toEqual([]);
  });

  test('when the order is not executed, then the IVO-rapportör is watched 3 months after beslutsdatum and every 3 months, never after verkställighet', async () => {
    // given
    const { rt, id } = await startOrder('2027-01-15');

    // when
    await rt.moveClock({ to: '2027-04-14T21:59:00Z' });
    const beforeThreeMonths = inbox(rt, ivoRapportor, id).length;
    await rt.moveClock({ to: '2027-07-15T08:00:00Z' });
    const notExecuted = inbox(rt, ivoRapportor, id);
    await complete(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-08-01' }, enhetschef);
    await rt.moveClock({ to: '2028-04-15T08:00:00Z' });

    // then
    expect(beforeThreeMonths).toBe(0);
    expect(notExecuted.map((b) => b.createdAt)).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z']);
    expect(notExecuted[0]?.body).toContain('2027-01-15');
    expect(inbox(rt, ivoRapportor, id)).toHaveLength(2);
  });

  test('when beslutsdatum is the 31st, then the first IVO watch comes on the last day of the month three months later', async () => {
    // given
    const { rt, id } = await startOrder('2027-01-31');

    // when
    await rt.moveClock({ to: '2027-05-01T08:00:00Z' });

    // then
    expect(inbox(rt, ivoRapportor, id).map((b) => b.createdAt)).toEqual(['2027-04-29T22:00:00.000Z']);
  });
});
