// Gallring in the register: the queue places, offers and waitlist places of culled cases keep their dates, statuses and
// apartments (the register's history stays whole) but lose the person's name, needs and free-text reasons.
import type { HousingEvent } from './housing-events.js';
import type { HousingRecord, HousingVoid } from './housing-journal.js';
import type { HousingState, Offer, QueueEntry, WaitlistEntry } from './housing-model.js';

/** What a culled person's name becomes in the register. */
export const culledName = '(gallrad)';

const forgetQueueEntry = (e: QueueEntry): QueueEntry => ({ ...e, applicant: culledName, needs: null, closedReason: e.closedReason === null ? null : culledName });
const forgetWaitlistEntry = (e: WaitlistEntry): WaitlistEntry => ({ ...e, applicant: culledName, reason: culledName, closedReason: e.closedReason === null ? null : culledName });
const forgetOffer = (o: Offer): Offer => ({ ...o, reason: null });

/** The event without the person's data when it concerns one of the culled cases; the same event otherwise. */
function forgetEvent(event: HousingEvent, byCulledCase: boolean, culled: ReadonlySet<string>): HousingEvent {
  const ofCulled = (instanceId: string | null) => instanceId !== null && culled.has(instanceId);
  switch (event.type) {
    case 'queue.added':
      return ofCulled(event.entry.instanceId) ? { ...event, entry: forgetQueueEntry(event.entry) } : event;
    case 'waitlist.added':
      return ofCulled(event.entry.instanceId) ? { ...event, entry: forgetWaitlistEntry(event.entry) } : event;
    case 'offer.recorded':
      return ofCulled(event.offer.instanceId) ? { ...event, offer: forgetOffer(event.offer) } : event;
    case 'offer.answered':
      return byCulledCase ? { ...event, reason: null } : event;
    case 'queue.left':
    case 'waitlist.left':
      return byCulledCase ? { ...event, reason: culledName } : event;
    default:
      return event;
  }
}

/** The journal's records with the culled cases' personal data taken out; null when there was none left to take. */
export function forgetInJournal(records: readonly unknown[], culled: ReadonlySet<string>): unknown[] | null {
  let changed = false;
  const result = (records as (HousingRecord | HousingVoid)[]).map((record) => {
    if (!('event' in record)) return record;
    const event = forgetEvent(record.event, record.instanceId !== null && culled.has(record.instanceId), culled);
    if (JSON.stringify(event) === JSON.stringify(record.event)) return record;
    changed = true;
    return { ...record, event };
  });
  return changed ? result : null;
}

/** The same in the register as it stands in memory. */
export function forgetInState(state: HousingState, culled: ReadonlySet<string>): void {
  for (const [id, entry] of state.queue) if (entry.instanceId !== null && culled.has(entry.instanceId)) state.queue.set(id, forgetQueueEntry(entry));
  for (const [id, entry] of state.waitlist) if (entry.instanceId !== null && culled.has(entry.instanceId)) state.waitlist.set(id, forgetWaitlistEntry(entry));
  for (const [id, offer] of state.offers) if (offer.instanceId !== null && culled.has(offer.instanceId)) state.offers.set(id, forgetOffer(offer));
}
