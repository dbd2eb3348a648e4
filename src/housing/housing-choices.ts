// The housing register's answers to a form's reference fields: apartments and places in the queue, as people know them.
import type { ApartmentStatus, HousingState } from './housing-model.js';

/** The apartments with `status`, named by unit and number with rooms and size, in unit and number order. */
export function apartmentChoices(state: HousingState, status: ApartmentStatus): { id: string; name: string }[] {
  return [...state.apartments.values()]
    .filter((a) => a.status === status)
    .map((a) => ({ apartment: a, unit: state.units.get(a.unitId)?.name ?? a.unitId }))
    .sort((x, y) => x.unit.localeCompare(y.unit, 'sv') || x.apartment.number.localeCompare(y.apartment.number, 'sv', { numeric: true }))
    .map(({ apartment: a, unit }) => ({ id: a.id, name: `${unit} ${a.number} (${a.rooms} rum, ${a.sizeSqm} m²)` }));
}

/** The active places in the queue (for `insats` when given), longest waiting first, by name, queue date and insats. */
export function queueEntryChoices(state: HousingState, insats: string | undefined): { id: string; name: string }[] {
  return [...state.queue.values()]
    .filter((e) => e.status === 'aktiv' && (insats === undefined || e.insats === insats))
    .sort((x, y) => x.queuedAt.localeCompare(y.queuedAt) || x.applicant.localeCompare(y.applicant, 'sv'))
    .map((e) => ({ id: e.id, name: `${e.applicant} – i kön sedan ${e.queuedAt.slice(0, 10)}, beslut ${e.decisionDate.slice(0, 10)} (${e.insats})` }));
}

/** What a stored reference names, as people know it: an apartment by unit and number, a place in the queue by name. */
export function housingReferenceName(state: HousingState, kind: 'apartment' | 'queueEntry' | 'unit', id: string): string | null {
  if (kind === 'unit') return state.units.get(id)?.name ?? null;
  if (kind === 'apartment') {
    const apartment = state.apartments.get(id);
    return apartment ? `${state.units.get(apartment.unitId)?.name ?? apartment.unitId} ${apartment.number}` : null;
  }
  const entry = state.queue.get(id);
  return entry ? `${entry.applicant} (i kön sedan ${entry.queuedAt.slice(0, 10)})` : null;
}

/**
 * Text for people with every apartment id it holds replaced by the apartment's name ("solbacken-12" → "Solbacken 12"):
 * bevakningar are written by the routines' FEEL, which only has the id to hand.
 */
export function withApartmentNames(state: HousingState, text: string): string {
  return text.replace(/[A-Za-z0-9][A-Za-z0-9_.:-]*[A-Za-z0-9]/g, (token) => (state.apartments.has(token) ? housingReferenceName(state, 'apartment', token)! : token));
}

/** The units (boenden), by name with their law and profile, in name order. */
export function unitChoices(state: HousingState): { id: string; name: string }[] {
  return [...state.units.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map((u) => ({ id: u.id, name: `${u.name} (${u.law}, ${u.profile})` }));
}

/** Every offer, newest first, by apartment, applicant and the day it was made (an answered one says so). */
export function offerChoices(state: HousingState): { id: string; name: string }[] {
  return [...state.offers.values()]
    .sort((a, b) => b.offerDate.localeCompare(a.offerDate) || a.id.localeCompare(b.id))
    .map((o) => {
      const apartment = housingReferenceName(state, 'apartment', o.apartmentId) ?? o.apartmentId;
      const applicant = state.queue.get(o.queueEntryId)?.applicant ?? 'okänd sökande';
      return { id: o.id, name: `${apartment} till ${applicant}, erbjuden ${o.offerDate.slice(0, 10)}${o.answer ? ` (svar: ${o.answer})` : ''}` };
    });
}
