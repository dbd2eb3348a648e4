// A decision's events read across cases: what a case recorded after handing the decision on joins the carrier's record.
import { describe, expect, test } from 'vitest';
import { decisionEvents, eventsBeforeHandover, giversByDecision, readAcrossCases, type CaseEvent, type DecisionHeader } from '../../src/decisions/index.js';

const event = (type: CaseEvent['type'], date: string, reason: string | null = null, hour = '08'): CaseEvent => ({ type, date, reason, at: `${date}T${hour}:00:00.000Z` });
const offer = event('erbjudande', '2027-01-12');
const decline = event('avbojt', '2027-01-14', 'För långt bort');
const handover = event('overlamnad', '2027-04-12', null, '09');
const reason = event('drojsmal', '2027-04-20', 'Ingen lämplig lägenhet i kommunen.');
const laterOffer = event('erbjudande', '2027-05-02');
const header: DecisionHeader = { id: 'beslut-1', person: 'Brukare-1', kon: 'man', law: 'LSS', insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS', beslutsdatum: '2027-01-10' };

describe('a decision’s events across the cases that carried it', () => {
  test('when the giver records after its hand-over, then the carrier reads it among its own events by day, and the hand-over itself stays with the giver', () => {
    // given
    const giver = [offer, decline, handover, reason];
    const carrier = [...eventsBeforeHandover(giver), laterOffer];
    // when
    const read = decisionEvents(carrier, [giver]);
    // then
    expect(eventsBeforeHandover(giver)).toEqual([offer, decline]);
    expect(read).toEqual([offer, decline, reason, laterOffer]);
  });

  test('when the carrier’s copy already holds an event the giver recorded after the hand-over (a later start copied it), then it is read once', () => {
    // given
    const giver = [offer, handover, reason];
    const carrier = [offer, reason, laterOffer];
    // when
    const read = decisionEvents(carrier, [giver, giver]);
    // then
    expect(read).toEqual([offer, reason, laterOffer]);
  });

  test('when two events fall on the same day, then the one recorded first comes first, and the carrier’s own order is never changed', () => {
    // given
    const early = event('drojsmal', '2027-05-02', 'Skäl', '07');
    const carrier = [laterOffer, offer];
    // when
    const read = decisionEvents(carrier, [[handover, early]]);
    // then
    expect(read).toEqual([early, laterOffer, offer]);
  });

  test('when a case handed nothing on, then it gives nothing; a decision this case handed on is read as it recorded it', () => {
    // given
    const givers = giversByDecision([
      { header, events: [offer, handover, reason], current: true },
      { header: { ...header, id: 'beslut-2' }, events: [offer, reason], current: true },
    ]);
    // when
    const carried = readAcrossCases({ header, events: [offer], current: true }, givers);
    const given = readAcrossCases({ header, events: [offer, handover, reason], current: true }, givers);
    const other = readAcrossCases({ header: { ...header, id: 'beslut-2' }, events: [offer], current: true }, givers);
    // then
    expect([...givers.keys()]).toEqual(['beslut-1']);
    expect(carried.events).toEqual([offer, reason]);
    expect(given.events).toEqual([offer, handover, reason]);
    expect(other.events).toEqual([offer]);
  });
});
