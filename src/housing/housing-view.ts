// The register as plain lists for readers (API, pages, reports), each in a stable order.
import { apartmentStatuses, type Apartment, type ApartmentStatus, type HousingState, type Offer, type QueueEntry, type Unit, type WaitlistEntry } from './housing-model.js';

export interface HousingView {
  units: Unit[];
  apartments: Apartment[];
  queue: QueueEntry[];
  offers: Offer[];
  waitlist: WaitlistEntry[];
}

export function toHousingView(state: HousingState): HousingView {
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    units: [...state.units.values()].sort(byId),
    apartments: [...state.apartments.values()].sort((a, b) => a.unitId.localeCompare(b.unitId) || a.number.localeCompare(b.number, 'sv')),
    // Longest queue time first: the order the priority meeting reads it in.
    queue: [...state.queue.values()].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || byId(a, b)),
    offers: [...state.offers.values()].sort((a, b) => b.offerDate.localeCompare(a.offerDate) || byId(a, b)),
    waitlist: [...state.waitlist.values()].sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || byId(a, b)),
  };
}

/** A unit with how many apartments it has, in all and per status, as the register's unit lists show it. */
export type UnitWithCounts = Unit & { apartments: number } & Record<ApartmentStatus, number>;

export function unitsWithCounts(view: HousingView): UnitWithCounts[] {
  return view.units.map((unit) => {
    const own = view.apartments.filter((a) => a.unitId === unit.id);
    const counts = Object.fromEntries(apartmentStatuses.map((s) => [s, own.filter((a) => a.status === s).length])) as Record<ApartmentStatus, number>;
    return { ...unit, apartments: own.length, ...counts };
  });
}
