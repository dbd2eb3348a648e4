// Deadlines of processes/boendestod.bpmn: choice in 2 months, confirmation by the next working day, start in 14 days / 1 month, plan, follow-up.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { completeTask, receivedAt, useHarness } from '../helpers/feature-steps.js';
import { handlaggare, startBoendestod, utforare } from './kits/boendestod-kit.js';

const harness = useHarness();

/** A decision on `beslutsdatum`, the clock at 08:00 UTC that day, the person informed about LOV the same day. */
async function informed(beslutsdatum: string): Promise<{ rt: RuntimeApi; id: string }> {
  const { rt, id } = await startBoendestod(harness, { beslutsdatum, brukare: 'Brukare-22', kon: 'kvinna', arendetyp: 'nytt' });
  await completeTask(rt, id, 'informeraOmLov', { informeradOmLov: beslutsdatum }, handlaggare);
  return { rt, id };
}

async function ordered(rt: RuntimeApi, id: string, bestallningsdatum: string) {
  await completeTask(rt, id, 'registreraValAvUtforare', { valdUtforare: 'lov-vardagsstod' }, handlaggare);
  await completeTask(rt, id, 'skickaBestallning', { bestallningsdatum, skickadVia: 'fax', nyKund: false }, handlaggare);
}

describe('boendestod, frister', () => {
  test('when the person makes no choice within 2 months, then the handläggare chooses by turordning (ickeval)', async () => {
    // given
    const { rt, id } = await informed('2027-02-01');

    // when
    await rt.moveClock({ to: '2027-03-31T21:59:00Z' });
    const beforeTwoMonths = rt.listTasks({ instanceId: id }, handlaggare).map((t) => t.elementId);
    await rt.moveClock({ to: '2027-04-01T08:00:00Z' });
    const afterTwoMonths = rt.listTasks({ instanceId: id }, handlaggare).map((t) => t.name);
    await completeTask(rt, id, 'ickeval', { valdUtforare: 'egen-regi' }, handlaggare);

    // then
    expect(beforeTwoMonths).toEqual(['registreraValAvUtforare']);
    expect(afterTwoMonths).toEqual(['Välj utförare enligt turordningsprincipen (ickeval)']);
    expect(rt.listTasks({ instanceId: id }, handlaggare).map((t) => t.elementId)).toEqual(['skickaBestallning']);
    expect(rt.getInstance(id).variables).toMatchObject({ valdUtforare: 'egen-regi' });
  });

  test('when the order is sent the day before a holiday, then the confirmation is due the next working day and missing it alerts both sides', async () => {
    // given: Wednesday 2027-05-05; Thursday 2027-05-06 is Kristi himmelsfärds dag
    const { rt, id } = await informed('2027-05-05');
    await ordered(rt, id, '2027-05-05');

    // when
    await rt.moveClock({ to: '2027-05-07T21:59:00Z' });
    const onFriday = receivedAt(rt, utforare, id, 'Påminnelse: bekräfta mottagen beställning');
    await rt.moveClock({ to: '2027-05-10T08:00:00Z' });

    // then
    expect(rt.getInstance(id).variables).toMatchObject({ bekraftelseSenast: '2027-05-07' });
    expect(onFriday).toEqual([]);
    expect(receivedAt(rt, utforare, id, 'Påminnelse: bekräfta mottagen beställning')).toEqual(['2027-05-07T22:00:00.000Z']);
    expect(receivedAt(rt, handlaggare, id, 'Bekräftelse av beställning saknas')).toEqual(['2027-05-07T22:00:00.000Z']);
  });

  test('when an order sent on a Friday is confirmed on Monday, then no reminder is sent', async () => {
    // given
    const { rt, id } = await informed('2027-02-05');
    await ordered(rt, id, '2027-02-05');

    // when
    await rt.moveClock({ to: '2027-02-08T15:00:00Z' });
    await completeTask(rt, id, 'bekraftaBestallning', { mottagenDatum: '2027-02-08' }, utforare);
    await rt.moveClock({ advance: 'P7D' });

    // then
    expect(rt.getInstance(id).variables).toMatchObject({ bekraftelseSenast: '2027-02-08' });
    expect(receivedAt(rt, utforare, id, 'Påminnelse: bekräfta mottagen beställning')).toEqual([]);
    expect(receivedAt(rt, handlaggare, id, 'Bekräftelse av beställning saknas')).toEqual([]);
  });

  test('when the insats has not started, then the provider is reminded after 14 days and after a month contacts the handläggare with the reason', async () => {
    // given
    const { rt, id } = await informed('2027-02-01');
    await ordered(rt, id, '2027-02-01');
    await completeTask(rt, id, 'bekraftaBestallning', { mottagenDatum: '2027-02-02' }, utforare);

    // when
    await rt.moveClock({ to: '2027-03-02T08:00:00Z' });
    const contactTask = rt.listTasks({ instanceId: id }, utforare).map((t) => t.elementId).sort();
    await completeTask(rt, id, 'kontaktaHandlaggaren', { orsakDrojsmal: 'Ingen personal med rätt språkkunskap förrän i april.' }, utforare);

    // then
    expect(receivedAt(rt, utforare, id, 'Boendestödet har inte påbörjats inom 14 dagar')).toEqual(['2027-02-16T23:00:00.000Z']);
    expect(contactTask).toEqual(['kontaktaHandlaggaren', 'meddelaStart']);
    expect(rt.listInbox(handlaggare).find((b) => b.instanceId === id && b.subject === 'Boendestödet har inte påbörjats inom en månad')?.body).toBe(
      'Boendestödet för Brukare-22 har inte påbörjats inom en månad från att beställningen mottogs (2027-02-02). Orsak: Ingen personal med rätt språkkunskap förrän i april.',
    );
    expect(await rt.getHistory(id)).toContainEqual(
      expect.objectContaining({ type: 'case.drojsmal', data: { date: '2027-03-02', reason: 'Ingen personal med rätt språkkunskap förrän i april.' } }),
    );
  });

  test('when the genomförandeplan and the follow-up are late, then the provider and the handläggare are reminded on their deadlines', async () => {
    // given
    const { rt, id } = await informed('2027-02-01');
    await ordered(rt, id, '2027-02-01');
    await completeTask(rt, id, 'bekraftaBestallning', { mottagenDatum: '2027-02-02' }, utforare);
    await completeTask(rt, id, 'meddelaStart', { startdatum: '2027-02-08' }, utforare);

    // when
    await rt.moveClock({ to: '2027-03-01T08:00:00Z' });
    await completeTask(rt, id, 'paborjaGenomforandeplan', { genomforandeplanPaborjad: '2027-03-01' }, utforare);
    await rt.moveClock({ to: '2027-05-10T08:00:00Z' });
    await completeTask(rt, id, 'skickaGenomforandeplan', { genomforandeplanSkickad: '2027-05-10', nyBedomningBehovs: false }, utforare);
    await completeTask(rt, id, 'bekraftaGenomforandeplan', { genomforandeplanMottagen: '2027-05-11' }, handlaggare);
    await rt.moveClock({ to: '2027-08-20T08:00:00Z' });

    // then
    expect(receivedAt(rt, utforare, id, 'Genomförandeplanen ska ha påbörjats')).toEqual(['2027-02-22T23:00:00.000Z']);
    expect(receivedAt(rt, utforare, id, 'Genomförandeplanen ska skickas till OF')).toEqual(['2027-05-07T22:00:00.000Z']);
    expect(receivedAt(rt, handlaggare, id, 'Uppföljning av boendestöd ska genomföras')).toEqual(['2027-08-10T22:00:00.000Z']);
    expect(rt.listTasks({ instanceId: id }, handlaggare).map((t) => t.elementId)).toEqual(['uppfoljning']);
  });
});
