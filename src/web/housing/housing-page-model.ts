// What the housing register pages show: units and apartments, the queue with queue times, offers, the waitlist.
import { type ApartmentStatus, type HousingView, type Unit, unitsWithCounts } from '../../housing/index.js';
import { stockholmDay } from '../../timers/index.js';
import { daysBetween } from '../shared/report-quarters.js';
import { formatNumber } from '../shared/svg-chart.js';

const statusLabels: Record<ApartmentStatus, string> = { ledig: 'Ledig', reserverad: 'Reserverad', bokad: 'Bokad', uthyrd: 'Uthyrd' };

const pages = [
  { href: '/housing', label: 'Boenden och lägenheter' },
  { href: '/housing/queue', label: 'Kö' },
  { href: '/housing/offers', label: 'Erbjudanden' },
  { href: '/housing/waitlist', label: 'Väntelista för byte' },
];

/** The register's own menu, with the page being shown marked. */
export function housingSubnav(current: string) {
  return pages.map((p) => ({ ...p, current: p.href === current }));
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

/** Offers, newest first, with the apartment, the applicant and the answer in words. */
export function offersPageModel(view: HousingView) {
  const units = unitsById(view);
  const apartments = new Map(view.apartments.map((a) => [a.id, a]));
  const queue = new Map(view.queue.map((q) => [q.id, q]));
  return {
    offers: view.offers.map((o) => {
      const apartment = apartments.get(o.apartmentId);
      return {
        ...o,
        apartmentText: apartment ? `${unitName(units, apartment.unitId)}, lägenhet ${apartment.number}` : o.apartmentId,
        applicant: queue.get(o.queueEntryId)?.applicant ?? '–',
        answerText: o.answer === 'ja' ? 'Tackat ja' : o.answer === 'nej' ? 'Tackat nej' : 'Inget svar ännu',
      };
    }),
  };
}

/** The waitlist for change of housing: active entries first (oldest first), then closed ones. */
export function waitlistPageModel(view: HousingView) {
  const units = unitsById(view);
  const entries = view.waitlist.map((w) => ({ ...w, currentUnitName: unitName(units, w.currentUnitId) }));
  return { active: entries.filter((w) => w.status === 'aktiv'), closed: entries.filter((w) => w.status === 'avslutad') };
}
