// Whole flows of processes/korttidsvistelse-lss.bpmn (Botkyrka, korttidsvistelse LSS) on the runtime with the manual clock.
import { describe, expect, test } from 'vitest';
import { fieldMessages } from '../../src/forms/index.js';
import { completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { enhetschef, handlaggare, ivoRapportor, startOrder } from './kits/korttidsvistelse-kit.js';

const harness = useHarness();

describe('korttidsvistelse-lss', () => {
  test('when the enhetschef verkställer the order at once, then verkställigheten is pågående and IVO is never watched', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.name)).toEqual(['Verkställ beställning']);

    // when
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);
    await rt.moveClock({ to: '2027-10-16T08:00:00Z' });

    // then
    expect(rt.getInstance(id).active.map((a) => a.elementId)).toContain('pagaendeVerkstallighet');
    expect(openTasks(rt, id)).toEqual([]);
    expect(inboxOf(rt, ivoRapportor, id)).toEqual([]);
  });

  test('when the order cannot be executed, then the handläggare confirms the reason and the order is executed later', async () => {
    // given
    const { rt, id } = await startOrder(harness);

    // when
    await rt.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Ingen ledig plats i februari.' }, enhetschef);
    const afterReport = openTasks(rt, id);
    await rt.moveClock({ advance: 'P1D' });
    await completeTask(rt, id, 'bekraftaMeddelande', { kommentarTillUtforaren: 'Mottaget.' }, handlaggare);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-03-01' }, enhetschef);

    // then
    expect(afterReport).toEqual(['bekraftaMeddelande', 'verkstallBestallning']);
    expect(rt.getInstance(id).variables).toMatchObject({ orsak: 'Ingen ledig plats i februari.', verkstallighetsdatum: '2027-03-01' });
    expect(rt.getInstance(id).active.map((a) => a.elementId)).toContain('pagaendeVerkstallighet');
    expect(inboxOf(rt, handlaggare, id)).toEqual([]);
  });

  test('when a new order cannot be executed while the first order’s confirmation is still open, then the second report is refused until the handläggare confirms, and each reason lands on its own decision', async () => {
    // given the first order reported as not executable, then executed, and a new order, with the first confirmation still open
    const { rt, id } = await startOrder(harness);
    await rt.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Ingen ledig plats i januari.' }, enhetschef);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-02-01' }, enhetschef);
    await rt.moveClock({ to: '2027-02-10T08:00:00Z' });
    await rt.deliverMessage(id, 'nyBestallning', { nyttBeslutsdatum: '2027-02-09', nyttAntalDygn: 12, nyttBehov: 'Fler dygn.' }, handlaggare);

    // when
    const whileOpen = await rt.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Inga lediga helger i mars.' }, enhetschef).then(() => null, (error: unknown) => error);
    const afterRefusal = openTasks(rt, id);
    await completeTask(rt, id, 'bekraftaMeddelande', { kommentarTillUtforaren: 'Mottaget.' }, handlaggare);
    await rt.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Inga lediga helger i mars.' }, enhetschef);

    // then the second report was refused to the enhetschef (409), not queued behind the open confirmation
    expect(whileOpen).toMatchObject({ code: 'conflict' });
    expect(afterRefusal).toEqual(['bekraftaMeddelande', 'verkstallBestallning']);
    expect(openTasks(rt, id)).toEqual(['bekraftaMeddelande', 'verkstallBestallning']);
    expect(rt.listTasks({ instanceId: id }, handlaggare)).toHaveLength(1);
    const decisions = rt.listDecisions({ processKey: 'korttidsvistelse-lss' }).filter((d) => d.instanceId === id);
    expect(decisions.map((d) => [d.beslutsdatum, d.status, d.events.filter((e) => e.type === 'drojsmal').map((e) => e.reason)])).toEqual([
      ['2027-01-15', 'verkstallt', ['Ingen ledig plats i januari.']],
      ['2027-02-09', 'ej-verkstallt', ['Inga lediga helger i mars.']],
    ]);
    expect(rt.getInstance(id).variables).toMatchObject({ orsak: 'Inga lediga helger i mars.' });
  });

  test('when the utförare reports after verkställighet that the order cannot be carried out, then the handläggare only confirms it and the executed decision gets no reason for delay', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);

    // when
    await rt.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Korttidsboendet stänger för renovering i mars.' }, enhetschef);
    const afterReport = openTasks(rt, id);
    await completeTask(rt, id, 'bekraftaMeddelande', { kommentarTillUtforaren: 'Mottaget, vi hör av oss.' }, handlaggare);

    // then
    expect(afterReport).toEqual(['bekraftaMeddelande']);
    expect(rt.decisionOfCase(id)).toMatchObject({ status: 'verkstallt', verkstalltDatum: '2027-01-20' });
    expect(rt.decisionOfCase(id)?.events.map((e) => e.type)).toEqual(['verkstallt']);
    expect(rt.getInstance(id).active.map((a) => a.elementId)).toContain('pagaendeVerkstallighet');
  });

  test('when the case ends while a confirmation is still open, then the case is completed and waits for nothing more', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await rt.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Ingen ledig plats.' }, enhetschef);

    // when
    await rt.deliverMessage(id, 'bestallningAvslutad', {}, handlaggare);
    const afterEnd = openTasks(rt, id);
    await completeTask(rt, id, 'avslutaVerkstallighet', { avslutsdatum: '2027-01-20' }, enhetschef);
    await rt.moveClock({ advance: 'P10D' });

    // then
    expect(afterEnd).toEqual(['avslutaVerkstallighet', 'bekraftaMeddelande']);
    expect(rt.getInstance(id).state).toBe('completed');
    expect(openTasks(rt, id)).toEqual([]);
    expect(rt.getInstance(id).waitingFor).toEqual([]);
    expect(inboxOf(rt, handlaggare, id)).toEqual([]);
  });

  test('when no confirmation has come after the default 3 days, then the handläggare gets one reminder', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await rt.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Personalbrist.' }, enhetschef);

    // when
    await rt.moveClock({ to: '2027-01-18T07:59:00Z' });
    const beforeDefault = inboxOf(rt, handlaggare, id);
    await rt.moveClock({ to: '2027-01-18T08:00:00Z' });
    const atDefault = inboxOf(rt, handlaggare, id);
    await rt.moveClock({ advance: 'P10D' });

    // then
    expect(beforeDefault).toEqual([]);
    expect(atDefault.map((b) => [b.group, b.subject])).toEqual([['lss-handlaggare', 'Påminnelse: bekräfta meddelandet från utföraren']]);
    expect(inboxOf(rt, handlaggare, id)).toHaveLength(1);
    expect(openTasks(rt, id)).toEqual(['bekraftaMeddelande', 'verkstallBestallning']);
  });

  test('when a new order replaces the executed one, then the enhetschef verkställer it and ends the earlier order', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);

    // when
    await rt.deliverMessage(id, 'nyBestallning', { nyttBeslutsdatum: '2027-01-25', nyttAntalDygn: 12, nyttBehov: 'Fler dygn.' }, handlaggare);
    const afterNewOrder = openTasks(rt, id);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-02-01', tidigareBestallningAvslutad: true }, enhetschef);

    // then
    expect(afterNewOrder).toEqual(['verkstallBestallning']);
    expect(rt.getInstance(id).variables).toMatchObject({ beslutsdatum: '2027-01-15', antalDygn: 8, nyttBeslutsdatum: '2027-01-25', nyttAntalDygn: 12, tidigareBestallningAvslutad: true, verkstallighetsdatum: '2027-02-01' });
    expect(rt.getInstance(id).active.map((a) => a.elementId)).toContain('pagaendeVerkstallighet');
  });

  test('when the handläggare ends the order, then the enhetschef ends verkställigheten and the case is completed', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);

    // when
    await rt.deliverMessage(id, 'bestallningAvslutad', {}, handlaggare);
    const afterEnd = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.name);
    await completeTask(rt, id, 'avslutaVerkstallighet', { avslutsdatum: '2027-06-30' }, enhetschef);

    // then
    expect(afterEnd).toEqual(['Avsluta verkställighet']);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the utförare learns during verkställighet that the person died, then the handläggare is told and verkställigheten ends', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);

    // when
    await rt.deliverMessage(id, 'brukareAvliden', { meddelatAv: 'utforare' }, enhetschef);
    await completeTask(rt, id, 'avslutaVerkstallighet', { avslutsdatum: '2027-01-25' }, enhetschef);

    // then
    expect(inboxOf(rt, handlaggare, id).map((b) => b.subject)).toEqual(['Brukaren har avlidit']);
    expect(inboxOf(rt, enhetschef, id)).toEqual([]);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the handläggare reports before verkställighet that the person died, then the utförare is told and no IVO watch follows', async () => {
    // given
    const { rt, id } = await startOrder(harness);

    // when
    await rt.deliverMessage(id, 'brukareAvliden', { meddelatAv: 'handlaggare' }, handlaggare);
    const afterDeath = openTasks(rt, id);
    await rt.moveClock({ to: '2027-07-16T08:00:00Z' });

    // then
    expect(afterDeath).toEqual(['avslutaVerkstallighet']);
    expect(inboxOf(rt, enhetschef, id).map((b) => b.subject)).toEqual(['Brukaren har avlidit']);
    expect(inboxOf(rt, handlaggare, id)).toEqual([]);
    expect(inboxOf(rt, ivoRapportor, id)).toEqual([]);
  });

  test('when the order is not executed, then the IVO-rapportör is watched 3 months after beslutsdatum and every 3 months, never after verkställighet', async () => {
    // given
    const { rt, id } = await startOrder(harness, { beslutsdatum: '2027-01-15' });

    // when
    await rt.moveClock({ to: '2027-04-14T21:59:00Z' });
    const beforeThreeMonths = inboxOf(rt, ivoRapportor, id).length;
    await rt.moveClock({ to: '2027-07-15T08:00:00Z' });
    const notExecuted = inboxOf(rt, ivoRapportor, id);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-08-01' }, enhetschef);
    await rt.moveClock({ to: '2028-04-15T08:00:00Z' });

    // then
    expect(beforeThreeMonths).toBe(0);
    expect(notExecuted.map((b) => b.createdAt)).toEqual(['2027-04-14T22:00:00.000Z', '2027-07-14T22:00:00.000Z']);
    expect(notExecuted[0]?.body).toContain('2027-01-15');
    expect(inboxOf(rt, ivoRapportor, id)).toHaveLength(2);
  });

  test('when beslutsdatum is the 31st, then the first IVO watch comes on the last day of the month three months later', async () => {
    // given
    const { rt, id } = await startOrder(harness, { beslutsdatum: '2027-01-31' });

    // when
    await rt.moveClock({ to: '2027-05-01T08:00:00Z' });

    // then
    expect(inboxOf(rt, ivoRapportor, id).map((b) => b.createdAt)).toEqual(['2027-04-29T22:00:00.000Z']);
  });

  test('when a new order with its own decision date comes long after the first was executed, then its IVO watch counts from the new decision, not the old one', async () => {
    // given
    const { rt, id } = await startOrder(harness, { beslutsdatum: '2027-01-15' });
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);
    await rt.moveClock({ to: '2029-01-20T08:00:00Z' });

    // when
    await rt.deliverMessage(id, 'nyBestallning', { nyttBeslutsdatum: '2029-01-10', nyttAntalDygn: 12, nyttBehov: 'Fler dygn.' }, handlaggare);
    const atNewOrder = inboxOf(rt, ivoRapportor, id);
    await rt.moveClock({ to: '2029-07-11T08:00:00Z' });

    // then
    expect(atNewOrder).toEqual([]);
    const watched = inboxOf(rt, ivoRapportor, id);
    expect(watched.map((b) => b.createdAt)).toEqual(['2029-04-09T22:00:00.000Z', '2029-07-09T22:00:00.000Z']);
    expect(watched.every((b) => b.body.includes('2029-01-10'))).toBe(true);
  });

  test('when a new order comes with a decision already 7 months old, then one IVO bevakning goes out at once naming its two past quarters', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);
    await rt.moveClock({ to: '2029-01-20T08:00:00Z' });

    // when
    await rt.deliverMessage(id, 'nyBestallning', { nyttBeslutsdatum: '2028-06-20' }, handlaggare);

    // then
    expect(inboxOf(rt, ivoRapportor, id).map((b) => b.createdAt)).toEqual(['2029-01-20T08:00:00.000Z']);
    const fired = (await rt.getHistory(id)).filter((e) => e.type === 'timer.fired' && e.elementId === 'treManaderUtanVerkstallighet');
    expect(fired.map((e) => e.data)).toEqual([{ dueAt: '2028-12-19T23:00:00.000Z', missedPeriods: ['2028-09-19T22:00:00.000Z', '2028-12-19T23:00:00.000Z'] }]);
  });

  test('when a new order is sent without its decision date, then it is refused and verkställigheten goes on unchanged', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-20' }, enhetschef);
    await rt.moveClock({ to: '2029-01-20T08:00:00Z' });

    // when
    const refused = rt.deliverMessage(id, 'nyBestallning', { nyttAntalDygn: 12, nyttBehov: 'Fler dygn.' }, handlaggare);

    // then
    await expect(refused).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'nyttBeslutsdatum', message: fieldMessages.required }] });
    expect(rt.getInstance(id).active.map((a) => a.elementId)).toContain('pagaendeVerkstallighet');
    expect(rt.getInstance(id).variables).toMatchObject({ beslutsdatum: '2027-01-15', antalDygn: 8 });
    expect(inboxOf(rt, ivoRapportor, id)).toEqual([]);
  });
});
