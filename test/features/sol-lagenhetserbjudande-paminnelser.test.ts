// Deadlines of processes/sol-lagenhetserbjudande.bpmn: offer "skyndsamt", the agreed answer day, move by day 7 from korttidsboende.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { completeTask, receivedAt, useHarness } from '../helpers/feature-steps.js';
import { acceptedAndOrdered, enhetschef, offered, reportVacancy, samordnare, startSolRuntime } from './kits/sol-lagenhetserbjudande-kit.js';

const harness = useHarness();

/** Vacancy reported and an applicant chosen and reserved for on 2027-02-01 08:00 UTC. */
async function reserved(franKorttidsboende: boolean, klarForInflytt = '2027-02-01'): Promise<{ rt: RuntimeApi; id: string }> {
  const rt = await startSolRuntime(harness);
  const id = await reportVacancy(rt, { klarForInflytt });
  const sokande = {
    brukare: 'Sokande-D', beslutsdatum: '2027-01-20', kon: 'man', koplats: 'ny', franKorttidsboende, prioriteringsgrund: 'Behov.',
    behov: 'Rullstol.', hemtjanstgrupp: 'ingen', kontaktuppgifter: 'Dotter, 070-333 33 33', dialogOmRum: false,
  };
  await completeTask(rt, id, 'boendeprioritering', sokande, samordnare);
  return { rt, id };
}

/** Offered, yes, booked for 2027-02-09, order placed: the enhetschef's task is to verkställa on the move-in day. */
async function waitingForMoveIn(rt: RuntimeApi, id: string) {
  await offered(rt, id);
  await acceptedAndOrdered(rt, id, '2027-02-09', '2027-02-02');
}

describe('sol-lagenhetserbjudande, frister och påminnelser', () => {
  test('when the offer is not registered within the default 3 days, then the enhetschef is reminded once', async () => {
    // given
    const { rt, id } = await reserved(false);

    // when
    await rt.moveClock({ to: '2027-02-04T07:59:00Z' });
    const before = receivedAt(rt, enhetschef, id, 'Påminnelse: erbjud den reserverade lägenheten');
    await rt.moveClock({ to: '2027-02-10T08:00:00Z' });

    // then
    expect(before).toEqual([]);
    expect(receivedAt(rt, enhetschef, id, 'Påminnelse: erbjud den reserverade lägenheten')).toEqual(['2027-02-04T08:00:00.000Z']);
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => [t.elementId, t.due])).toEqual([['ringOchErbjud', '2027-02-04T08:00:00.000Z']]);
  });

  test('when the agreed answer day has passed without an answer, then the enhetschef is reminded the day after', async () => {
    // given
    const { rt, id } = await reserved(false);
    await offered(rt, id);

    // when
    await rt.moveClock({ to: '2027-02-05T22:59:00Z' });
    const onTheDay = receivedAt(rt, enhetschef, id, 'Besked om lägenheten saknas');
    await rt.moveClock({ to: '2027-02-08T08:00:00Z' });

    // then
    expect(onTheDay).toEqual([]);
    expect(receivedAt(rt, enhetschef, id, 'Besked om lägenheten saknas')).toEqual(['2027-02-05T23:00:00.000Z']);
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId)).toEqual(['registreraBesked']);
  });

  test('when someone coming from korttidsboende has not moved in by day 7 from the offer, then enhetschef and boendesamordnare are told', async () => {
    // given
    const { rt, id } = await reserved(true);
    await waitingForMoveIn(rt, id);

    // when
    await rt.moveClock({ to: '2027-02-10T22:59:00Z' });
    const onDaySeven = receivedAt(rt, enhetschef, id, 'Flytten från korttidsboende har inte skett');
    await rt.moveClock({ to: '2027-02-12T08:00:00Z' });

    // then
    expect(rt.getInstance(id).variables).toMatchObject({ hyraSenastFran: '2027-02-10' });
    expect(onDaySeven).toEqual([]);
    expect(receivedAt(rt, enhetschef, id, 'Flytten från korttidsboende har inte skett')).toEqual(['2027-02-10T23:00:00.000Z']);
    expect(receivedAt(rt, samordnare, id, 'Flytten från korttidsboende har inte skett')).toEqual(['2027-02-10T23:00:00.000Z']);
  });

  test('when someone coming from their own home has not moved in by day 10, then rent runs from day 10 and no move deadline is sent', async () => {
    // given
    const { rt, id } = await reserved(false);
    await waitingForMoveIn(rt, id);

    // when
    await rt.moveClock({ to: '2027-02-20T08:00:00Z' });

    // then
    expect(rt.getInstance(id).variables).toMatchObject({ hyraSenastFran: '2027-02-13' });
    expect(receivedAt(rt, enhetschef, id, 'Flytten från korttidsboende har inte skett')).toEqual([]);
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => [t.elementId, t.due])).toEqual([['verkstallBeslutet', '2027-02-08T23:00:00.000Z']]);
  });
  test('when the apartment is ready to move into only after day 10, then rent runs from the ready day, not from day 10', async () => {
    // given an apartment ready on 2027-02-20, reserved for someone from their own home
    const { rt, id } = await reserved(false, '2027-02-20');

    // when
    await offered(rt, id);

    // then
    expect(rt.getInstance(id).variables).toMatchObject({ hyraSenastFran: '2027-02-20' });
  });
});
