// IVO watch of processes/boendestod.bpmn: from beslutsdatum until the insats starts, and the case in the IVO report.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { completeTask, inboxOf, useHarness } from '../helpers/feature-steps.js';
import { handlaggare, ivo, startBoendestod, utforare } from './kits/boendestod-kit.js';

const harness = useHarness();

/** Decision on `beslutsdatum`; provider chosen, order sent and confirmed on 2027-01-20. */
async function confirmedOrder(beslutsdatum: string): Promise<{ rt: RuntimeApi; id: string }> {
  const { rt, id } = await startBoendestod(harness, { beslutsdatum, brukare: 'Brukare-23', kon: 'kvinna', arendetyp: 'nytt' }, 'BS-23');
  await completeTask(rt, id, 'informeraOmLov', { informeradOmLov: beslutsdatum }, handlaggare);
  await completeTask(rt, id, 'registreraValAvUtforare', { valdUtforare: 'lov-vardagsstod' }, handlaggare);
  await completeTask(rt, id, 'skickaBestallning', { bestallningsdatum: '2027-01-19', skickadVia: 'post', nyKund: true }, handlaggare);
  await completeTask(rt, id, 'bekraftaBestallning', { mottagenDatum: '2027-01-20' }, utforare);
  return { rt, id };
}

describe('boendestod, IVO-bevakning', () => {
  test('when the insats does not start, then the IVO-rapportör is watched 3 months after beslutsdatum and every 3 months, never after the start', async () => {
    // given
    const { rt, id } = await confirmedOrder('2027-01-15');

    // when
    await rt.moveClock({ to: '2027-04-14T21:59:00Z' });
    const beforeThreeMonths = inboxOf(rt, ivo, id).length;
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });
    const waiting = inboxOf(rt, ivo, id);
    await completeTask(rt, id, 'meddelaStart', { startdatum: '2027-07-20' }, utforare);
    await rt.moveClock({ to: '2028-04-20T08:00:00Z' });

    // then
    expect(beforeThreeMonths).toBe(0);
    expect(waiting.map((b) => b.createdAt)).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z']);
    expect(waiting[1]?.body).toBe(
      'Beslutet om boendestöd för Brukare-23 från 2027-01-15 har inte verkställts inom tre månader (2027-07-15): insatsen har inte påbörjats. Rapportera till IVO.',
    );
    expect(inboxOf(rt, ivo, id)).toHaveLength(2);
    expect(rt.getInstance(id).state).toBe('running');
  });

  test('when the insats starts within 3 months, then no IVO watch is sent and the case is not in the IVO report', async () => {
    // given
    const { rt, id } = await confirmedOrder('2027-01-15');

    // when
    await completeTask(rt, id, 'meddelaStart', { startdatum: '2027-01-28' }, utforare);
    await rt.moveClock({ to: '2027-10-20T08:00:00Z' });

    // then
    expect(inboxOf(rt, ivo, id)).toEqual([]);
    expect(rt.ivoReport('2027Q2').rows).toEqual([]);
  });

  test('when the start is delayed past 3 months with a reason, then the IVO report carries the reason and the start day', async () => {
    // given
    const { rt, id } = await confirmedOrder('2027-01-15');
    await rt.moveClock({ to: '2027-02-21T08:00:00Z' });
    await completeTask(rt, id, 'kontaktaHandlaggaren', { orsakDrojsmal: 'Brist på boendestödjare.' }, utforare);

    // when
    await rt.moveClock({ to: '2027-07-20T08:00:00Z' });
    await completeTask(rt, id, 'meddelaStart', { startdatum: '2027-07-20' }, utforare);

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
