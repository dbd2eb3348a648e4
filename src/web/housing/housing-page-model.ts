// What the housing register pages show: units and apartments, the queue with queue times, offers, the waitlist.
import type { Actor } from '../../auth/index.js';
import { type ApartmentStatus, type HousingView, type Unit, unitsWithCounts } from '../../housing/index.js';
import { stockholmDay } from '../../timers/index.js';
import { daysBetween } from '../shared/report-quarters.js';
import { formatNumber } from '../shared/svg-chart.js';
import { maySeeHousingPersons, offerWithoutPerson } from './housing-need-to-know.js';

const statusLabels: Record<ApartmentStatus, string> = { ledig: 'Ledig', reserverad: 'Reserverad', bokad: 'Bokad', uthyrd: 'Uthyrd' };

/** The register's pages; `persons` ones open only to those who may see the persons (same check as their routes). */
const pages = [
  { href: '/housing', label: 'Boenden och lägenheter', persons: false },
  { href: '/housing/queue', label: 'Kö', persons: true },
  { href: '/housing/offers', label: 'Erbjudanden', persons: false },
  { href: '/housing/waitlist', label: 'Väntelista för byte', persons: true },
];

/** The register's own menu as the actor may open it, with the page being shown marked. */
export function housingSubnav(actor: Actor, current: string) {
  const persons = maySeeHousingPersons(actor);
  return pages.filter((p) => persons || !p.persons).map(({ href, label }) => ({ href, label, current: href === current }));
}

const unitName = (units: Map<string, Unit>, id: string | null) => (id === null ? null : (units.get(id)?.name ?? id));
const unitsById = (view: HousingView) => new Map(view.units.map((u) => [u.id, u]));

/** Units with their apartment counts per status, and every apartment. */
export function unitsPageModel(view: HousingView) {
  const units = unitsById(view);
  return {
    units: unitsWithCounts(view),
    apartments: view.apartments.map((a) => ({
      ...a,
      unitName: unitName(units, a.unitId),
      statusLabel: statusLabels[a.status],
      sizeText: formatNumber(a.sizeSqm),
      rentText: formatNumber(a.rent),
    })),
  };
}

/** Active queue entries (longest queue time first) with their days in the queue up to `today`, then closed ones. */
export function queuePageModel(view: HousingView, today: string) {
  const units = unitsById(view);
  const entries = view.queue.map((q) => ({
    ...q,
    queueDays: Math.max(0, daysBetween(stockholmDay(new Date(q.queuedAt)), today)),
    wishedUnitName: unitName(units, q.wishedUnitId),
    atKorttidsboendeText: q.atKorttidsboende ? 'Ja' : 'Nej',
  }));
  return { active: entries.filter((q) => q.status === 'aktiv'), closed: entries.filter((q) => q.status === 'avslutad') };
}

/**
 * Offers, newest first, with the apartment and the answer in words; the applicant, the reason for a no and the case
 * only when `showPersons`.
 */
export function offersPageModel(view: HousingView, showPersons: boolean) {
  const units = unitsById(view);
  const apartments = new Map(view.apartments.map((a) => [a.id, a]));
  const queue = new Map(view.queue.map((q) => [q.id, q]));
  return {
    showPersons,
    offers: view.offers.map((o) => {
      const apartment = apartments.get(o.apartmentId);
      const shown = {
        ...offerWithoutPerson(o),
        apartmentText: apartment ? `${unitName(units, apartment.unitId)}, lägenhet ${apartment.number}` : o.apartmentId,
        answerText: o.answer === 'ja' ? 'Tackat ja' : o.answer === 'nej' ? 'Tackat nej' : 'Inget svar ännu',
      };
      return showPersons ? { ...shown, applicant: queue.get(o.queueEntryId)?.applicant ?? '–', reason: o.reason, instanceId: o.instanceId } : shown;
    }),
  };
}

/** The waitlist for change of housing: active entries first (oldest first), then closed ones. */
export function waitlistPageModel(view: HousingView) {
  const units = unitsById(view);
  const entries = view.waitlist.map((w) => ({ ...w, currentUnitName: unitName(units, w.currentUnitId) }));
  return { active: entries.filter((w) => w.status === 'aktiv'), closed: entries.filter((w) => w.status === 'avslutad') };
}
