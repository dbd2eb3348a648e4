// IVO watch of processes/boendestod.bpmn: from beslutsdatum until the insats starts, and the case in the IVO report.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor, RuntimeApi } from '../../src/engine/runtime-api.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const handlaggare: Actor = { username: 'bistandshandlaggare', roles: ['bistandshandlaggare'] };
const utforare: Actor = { username: 'utforare', roles: ['utforare'] };
const ivo: Actor = { username: 'ivo-rapportor', roles: ['ivo-rapportor'] };

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

/** Decision on `beslutsdatum`; provider chosen, order sent and confirmed on 2027-01-20. */
async function confirmedOrder(beslutsdatum: string): Promise<{ rt: RuntimeApi; id: string }> {
  const xml = await readFile('processes/boendestod.bpmn', 'utf8');
  harness = await startHarness({ processes: [['boendestod.bpmn', xml]], start: `${beslutsdatum}T08:00:00Z` });
  const rt = harness.runtime;
  const variables = { beslutsdatum, brukare: 'Brukare-23', kon: 'kvinna', arendetyp: 'nytt' };
  const { id } = await rt.startInstance('boendestod', { businessKey: 'BS-23', variables }, handlaggare);
  await complete(rt, id, 'informeraOmLov', { informeradOmLov: beslutsdatum }, handlaggare);
  await complete(rt, id, 'registreraValAvUtforare', { valdUtforare: 'Vardagsstöd AB' }, handlaggare);
  await complete(rt, id, 'skickaBestallning', { bestallningsdatum: '2027-01-19', skickadVia: 'post', nyKund: true }, handlaggare);
  await complete(rt, id, 'bekraftaBestallning', { mottagenDatum: '2027-01-20' }, utforare);
  return { rt, id };
}

describe('boendestod, IVO-bevakning', () => {
  test('when the insats does not start, then the IVO-rapportör is watched 3 months after beslutsdatum and every 3 months, never after the start', async () => {
    // given
    const { rt, id } = await confirmedOrder('2027-01-15');

    // when
    await rt.moveClock({ to: '2027-04-14T21:59:00Z' });
    const beforeThreeMonths = ivoInbox(rt, id).length;
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });
    const waiting = ivoInbox(rt, id);
    await complete(rt, id, 'meddelaStart', { startdatum: '2027-07-20' }, utforare);
    await rt.moveClock({ to: '2028-04-20T08:00:00Z' });

    // then
    expect(beforeThreeMonths).toBe(0);
    expect(waiting.map((b) => b.createdAt)).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z']);
    expect(waiting[1]?.body).toBe(
      'Beslutet om boendestöd för Brukare-23 från 2027-01-15 har inte verkställts inom tre månader (2027-07-15): insatsen har inte påbörjats. Rapportera till IVO.',
    );
    expect(ivoInbox(rt, id)).toHaveLength(2);
    expect(rt.getInstance(id).state).toBe('running');
  });

  test('when the insats starts within 3 months, then no IVO watch is sent and the case is not in the IVO report', async () => {
    // given
    const { rt, id } = await confirmedOrder('2027-01-15');

    // when
    await complete(rt, id, 'meddelaStart', { startdatum: '2027-01-28' }, utforare);
    await rt.moveClock({ to: '2027-10-20T08:00:00Z' });

    // then
    expect(ivoInbox(rt, id)).toEqual([]);
    expect(rt.ivoReport('2027Q2').rows).toEqual([]);
  });

  test('when the start is delayed past 3 months with a reason, then the IVO report carries the reason and the start day', async () => {
    // given
    const { rt, id } = await confirmedOrder('2027-01-15');
    await rt.moveClock({ to: '2027-02-21T08:00:00Z' });
    await complete(rt, id, 'kontaktaHandlaggaren', { orsakDrojsmal: 'Brist på boendestödjare.' }, utforare);

    // when
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });
    await complete(rt, id, 'meddelaStart', { startdatum: '2027-07-20' }, utforare);

    // then
    expect(rt.ivoReport('2027Q2').rows).toEqual([
      expect.objectContaining({
        instanceId: id, businessKey: 'BS-23', processKey: 'boendestod', rapporttyp: 'ny', lag: 'SoL', kon: 'kvinna',
        insats: 'Boendestöd, bistånd enligt socialtjänstlagen', beslutsdatum: '2027-01-15', rapporteringspliktigFran: '2027-04-15',
        skalTillDrojsmal: 'Brist på boendestödjare.', verkstalltDatum: null,
      }),
    ]);
    expect(rt.ivoReport('2027Q3').rows).toEqual([expect.objectContaining({ instanceId: id, rapporttyp: 'verkställt', verkstalltDatum: '2027-07-20' })]);
  });
});
