import { describe, expect, test } from 'vitest';
import { BpmnBusinessError } from '../../src/handlers/handler.js';
import { addToQueue } from '../../src/handlers/add-to-queue.js';
import { bookApartment } from '../../src/handlers/book-apartment.js';
import { leaveQueue } from '../../src/handlers/leave-queue.js';
import { recordAnswer } from '../../src/handlers/record-answer.js';
import { releaseApartment } from '../../src/handlers/release-apartment.js';
import { rentOutApartment } from '../../src/handlers/rent-out-apartment.js';
import { reserveApartment } from '../../src/handlers/reserve-apartment.js';
import { handlerHarness } from '../helpers/handler-context.js';

const housing = {
  units: [{ id: 'ekbacken', name: 'Ekbacken', law: 'SoL' as const, profile: 'Demens' }],
  apartments: [
    { id: 'ek-1', unitId: 'ekbacken', number: '1', rooms: 1, sizeSqm: 30, rent: 5000, status: 'ledig' as const },
    { id: 'ek-2', unitId: 'ekbacken', number: '2', rooms: 1, sizeSqm: 30, rent: 5000, status: 'uthyrd' as const },
  ],
};
const queueEntryId = '0b9a6f7e-3c1d-4f7a-9a55-0f1f6c1b2d3e';

describe('housing handlers', () => {
  test('when the applicant is queued, then the entry counts queue time from now and keeps the priority criteria', async () => {
    // given
    const harness = handlerHarness({ housing, now: '2027-03-01T09:00:00Z' });
    // when
    const result = await addToQueue.run(addToQueue.input.parse({ applicant: 'Brukare A', insats: 'Särskilt boende', decisionDate: '2027-02-20', wishedUnitId: 'ekbacken', atKorttidsboende: 'true' }), harness.context);
    // then
    const entry = harness.context.housing.state.queue.get((result as { queueEntryId: string }).queueEntryId);
    expect(entry).toMatchObject({ applicant: 'Brukare A', queuedAt: '2027-03-01T09:00:00.000Z', wishedUnitId: 'ekbacken', atKorttidsboende: true, status: 'aktiv', instanceId: 'i-1' });
  });

  test('when an apartment is not in the state a step needs, then the step throws the business error the diagram catches', async () => {
    // given
    const harness = handlerHarness({ housing });
    // when / then
    await expect(reserveApartment.run({ apartmentId: 'ek-2', queueEntryId }, harness.context)).rejects.toEqual(new BpmnBusinessError('LAGENHET_EJ_LEDIG', 'Lägenheten är uthyrd, inte ledig.'));
    await expect(reserveApartment.run({ apartmentId: 'ek-9', queueEntryId }, harness.context)).rejects.toMatchObject({ code: 'LAGENHET_SAKNAS' });
    await expect(bookApartment.run({ apartmentId: 'ek-1', moveInDate: '2027-04-01' }, harness.context)).rejects.toMatchObject({ code: 'LAGENHET_EJ_RESERVERAD' });
    await expect(rentOutApartment.run({ apartmentId: 'ek-1', moveInDate: '2027-04-01' }, harness.context)).rejects.toMatchObject({ code: 'LAGENHET_EJ_BOKAD' });
    expect(harness.housingEvents).toEqual([]);
  });

  test('when a booked apartment is moved into, then it is let and the move-in day is the day of verkställighet', async () => {
    // given
    const harness = handlerHarness({ housing });
    await reserveApartment.run({ apartmentId: 'ek-1', queueEntryId }, harness.context);
    await bookApartment.run({ apartmentId: 'ek-1', moveInDate: '2027-04-01' }, harness.context);
    // when
    await rentOutApartment.run({ apartmentId: 'ek-1', moveInDate: '2027-04-01' }, harness.context);
    // then
    expect(harness.context.housing.state.apartments.get('ek-1')).toMatchObject({ status: 'uthyrd', moveInDate: '2027-04-01', queueEntryId });
    expect(harness.caseEvents).toEqual([{ type: 'verkstallt', date: '2027-04-01', reason: null }]);
  });

  test('when a no is registered days after the person gave it, then the register and the decline carry the day given', async () => {
    // given an answer given on 2027-03-01, registered on 2027-03-04
    const harness = handlerHarness({ housing, now: '2027-03-04T09:00:00Z' });
    // when
    await recordAnswer.run(recordAnswer.input.parse({ offerId: queueEntryId, answer: 'nej', reason: 'För långt bort', date: '2027-03-01' }), harness.context);
    // then
    expect(harness.housingEvents).toEqual([{ type: 'offer.answered', offerId: queueEntryId, answer: 'nej', reason: 'För långt bort', answeredAt: '2027-03-01' }]);
    expect(harness.caseEvents).toEqual([{ type: 'avbojt', date: '2027-03-01', reason: 'För långt bort' }]);
  });

  test('when the queue is left because the decision ends, then only an apartment still held for that entry is released', async () => {
    // given ek-1 booked for the entry; ek-2 let to someone before
    const harness = handlerHarness({ housing });
    await addToQueue.run(addToQueue.input.parse({ applicant: 'Brukare A', insats: 'Särskilt boende', decisionDate: '2027-02-20', wishedUnitId: 'ekbacken' }), harness.context);
    const entryId = [...harness.context.housing.state.queue.keys()][0]!;
    await reserveApartment.run({ apartmentId: 'ek-1', queueEntryId: entryId }, harness.context);
    await bookApartment.run({ apartmentId: 'ek-1', moveInDate: '2027-04-01' }, harness.context);
    // when
    await leaveQueue.run(leaveQueue.input.parse({ queueEntryId: entryId, reason: 'Beslutet avslutat', releaseHeldApartment: 'true' }), harness.context);
    // then
    expect(harness.context.housing.state.apartments.get('ek-1')).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(harness.context.housing.state.apartments.get('ek-2')).toMatchObject({ status: 'uthyrd' });
    expect(harness.context.housing.state.queue.get(entryId)).toMatchObject({ status: 'avslutad' });
  });

  test('when an offer is declined without a reason, then the answer is refused', () => {
    // when / then
    expect(recordAnswer.input.safeParse({ offerId: queueEntryId, answer: 'nej' }).success).toBe(false);
    expect(recordAnswer.input.safeParse({ offerId: queueEntryId, answer: 'nej', reason: 'För långt bort' }).success).toBe(true);
  });
});

describe('releaseApartment with a queue entry', () => {
  test('when the apartment is held for someone else by now, then it is left as it is', async () => {
    // given
    const harness = handlerHarness({ housing });
    await reserveApartment.run({ apartmentId: 'ek-1', queueEntryId }, harness.context);
    // when
    await releaseApartment.run({ apartmentId: 'ek-1', queueEntryId: '11111111-2222-4333-8444-555555555555' }, harness.context);
    const stillHeld = harness.context.housing.state.apartments.get('ek-1')?.status;
    await releaseApartment.run({ apartmentId: 'ek-1', queueEntryId }, harness.context);
    // then
    expect(stillHeld).toBe('reserverad');
    expect(harness.context.housing.state.apartments.get('ek-1')).toMatchObject({ status: 'ledig', queueEntryId: null });
  });
});
