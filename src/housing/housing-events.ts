// Every change to the register is one of these events; applying one is all a change ever does.
import type { Apartment, HousingState, Offer, QueueEntry, Unit, WaitlistEntry } from './housing-model.js';

export type HousingEvent =
  | { type: 'unit.created'; unit: Unit }
  | { type: 'apartment.created'; apartment: Apartment }
  | { type: 'apartment.vacated'; apartmentId: string; readyDate: string; reason: string }
  | { type: 'apartment.reserved'; apartmentId: string; queueEntryId: string }
  | { type: 'apartment.released'; apartmentId: string }
  | { type: 'apartment.booked'; apartmentId: string; moveInDate: string }
  | { type: 'apartment.rentedOut'; apartmentId: string; moveInDate: string }
  | { type: 'queue.added'; entry: QueueEntry }
  | { type: 'queue.left'; queueEntryId: string; reason: string }
  | { type: 'offer.recorded'; offer: Offer }
  | { type: 'offer.answered'; offerId: string; answer: 'ja' | 'nej'; reason: string | null; answeredAt: string }
  | { type: 'waitlist.added'; entry: WaitlistEntry }
  | { type: 'waitlist.left'; waitlistEntryId: string; reason: string };

type Undo = () => void;

/** Applies the event to the state and returns how to take it back. Lenient: the handlers check, the log replays. */
export function applyHousingEvent(state: HousingState, event: HousingEvent): Undo {
  switch (event.type) {
    case 'unit.created':
      return put(state.units, event.unit.id, event.unit);
    case 'apartment.created':
      return put(state.apartments, event.apartment.id, event.apartment);
    case 'apartment.vacated':
      return patch(state.apartments, event.apartmentId, { status: 'ledig', readyDate: event.readyDate, queueEntryId: null, moveInDate: null });
    case 'apartment.reserved':
      return patch(state.apartments, event.apartmentId, { status: 'reserverad', queueEntryId: event.queueEntryId });
    case 'apartment.released':
      return patch(state.apartments, event.apartmentId, { status: 'ledig', queueEntryId: null, moveInDate: null });
    case 'apartment.booked':
      return patch(state.apartments, event.apartmentId, { status: 'bokad', moveInDate: event.moveInDate });
    case 'apartment.rentedOut':
      return patch(state.apartments, event.apartmentId, { status: 'uthyrd', moveInDate: event.moveInDate, readyDate: null });
    case 'queue.added':
      return put(state.queue, event.entry.id, event.entry);
    case 'queue.left':
      return patch(state.queue, event.queueEntryId, { status: 'avslutad', closedReason: event.reason });
    case 'offer.recorded':
      return put(state.offers, event.offer.id, event.offer);
    case 'offer.answered':
      return patch(state.offers, event.offerId, { answer: event.answer, reason: event.reason, answeredAt: event.answeredAt });
    case 'waitlist.added':
      return put(state.waitlist, event.entry.id, event.entry);
    case 'waitlist.left':
      return patch(state.waitlist, event.waitlistEntryId, { status: 'avslutad', closedReason: event.reason });
  }
}

function put<T>(map: Map<string, T>, id: string, value: T): Undo {
  const before = map.get(id);
  map.set(id, { ...value });
  return () => (before === undefined ? map.delete(id) : map.set(id, before));
}

function patch<T extends object>(map: Map<string, T>, id: string, changes: Partial<T>): Undo {
  const before = map.get(id);
  if (!before) return () => undefined;
  map.set(id, { ...before, ...changes });
  return () => map.set(id, before);
}
