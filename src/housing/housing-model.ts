// The housing register (Boendemodul): units, apartments, the queue, offers and the waitlist for change of housing.

export type Law = 'LSS' | 'SoL';
export const apartmentStatuses = ['ledig', 'reserverad', 'bokad', 'uthyrd'] as const;
export type ApartmentStatus = (typeof apartmentStatuses)[number];

export interface Unit {
  id: string;
  name: string;
  law: Law;
  /** The unit's profile, e.g. "Gruppbostad för personer med autism". */
  profile: string;
}

export interface Apartment {
  id: string;
  unitId: string;
  number: string;
  rooms: number;
  sizeSqm: number;
  /** Monthly rent in kronor. */
  rent: number;
  status: ApartmentStatus;
  /** When it is ready to move into after cleaning and inspection. */
  readyDate: string | null;
  renovationNote: string | null;
  /** The queue entry it is reserved or booked for. */
  queueEntryId: string | null;
  moveInDate: string | null;
}

export interface QueueEntry {
  id: string;
  applicant: string;
  insats: string;
  decisionDate: string;
  /** Queue time counts from here. */
  queuedAt: string;
  needs: string | null;
  wishedUnitId: string | null;
  atKorttidsboende: boolean;
  status: 'aktiv' | 'avslutad';
  closedReason: string | null;
  instanceId: string | null;
}

export interface Offer {
  id: string;
  queueEntryId: string;
  apartmentId: string;
  offerDate: string;
  answer: 'ja' | 'nej' | null;
  /** The day the person answered (YYYY-MM-DD), as given; older records hold the instant it was registered. */
  answeredAt: string | null;
  reason: string | null;
  instanceId: string | null;
}

export interface WaitlistEntry {
  id: string;
  applicant: string;
  currentUnitId: string;
  reason: string;
  registeredAt: string;
  status: 'aktiv' | 'avslutad';
  closedReason: string | null;
  instanceId: string | null;
}

/** The whole register in memory; small at municipal scale (hundreds of apartments, thousands of entries). */
export interface HousingState {
  units: Map<string, Unit>;
  apartments: Map<string, Apartment>;
  queue: Map<string, QueueEntry>;
  offers: Map<string, Offer>;
  waitlist: Map<string, WaitlistEntry>;
}

export function emptyHousingState(): HousingState {
  return { units: new Map(), apartments: new Map(), queue: new Map(), offers: new Map(), waitlist: new Map() };
}
