// Need to know in the housing register (OSL 26 kap.): who may see its persons, and an offer without its person.
import { type Actor, hasRole, housingPersonReaders } from '../../auth/index.js';
import type { HousingView } from '../../housing/index.js';

type Offer = HousingView['offers'][number];
type Apartment = HousingView['apartments'][number];

/** True when the actor may see applicants, needs, reasons and their cases (`housingPersonReaders`, admin). */
export function maySeeHousingPersons(actor: Actor): boolean {
  return hasRole(actor, housingPersonReaders);
}

/** What anyone may know of an offer: the apartment, the dates and the answer, not who it went to or why they said no. */
export type OfferWithoutPerson = Pick<Offer, 'id' | 'apartmentId' | 'offerDate' | 'answer' | 'answeredAt'>;

export function offerWithoutPerson({ id, apartmentId, offerDate, answer, answeredAt }: Offer): OfferWithoutPerson {
  return { id, apartmentId, offerDate, answer, answeredAt };
}

/** An apartment as anyone may see it: everything but the queue place that holds it (it leads to the person). */
export function apartmentWithoutQueuePlace({ queueEntryId: _held, ...apartment }: Apartment): Omit<Apartment, 'queueEntryId'> {
  return apartment;
}

/** The cases a list of the register's entries shows, for the access log (entries set up outside a case name none). */
export function casesOf(entries: readonly { instanceId: string | null }[]): string[] {
  return entries.map((e) => e.instanceId).filter((id): id is string => typeof id === 'string');
}
