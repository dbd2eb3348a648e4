// The housing register's answers to a form's reference fields: the apartments a person may pick, as they know them.
import type { HousingState } from './housing-model.js';

/** The vacant apartments, named by unit and number with rooms and size, in unit and number order. */
export function vacantApartmentChoices(state: HousingState): { id: string; name: string }[] {
  return [...state.apartments.values()]
    .filter((a) => a.status === 'ledig')
    .map((a) => ({ apartment: a, unit: state.units.get(a.unitId)?.name ?? a.unitId }))
    .sort((x, y) => x.unit.localeCompare(y.unit, 'sv') || x.apartment.number.localeCompare(y.apartment.number, 'sv', { numeric: true }))
    .map(({ apartment: a, unit }) => ({ id: a.id, name: `${unit} ${a.number} (${a.rooms} rum, ${a.sizeSqm} m²)` }));
}
