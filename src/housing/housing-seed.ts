// Set-up data for the register (demo data, tests): units and apartments as they stand, before any process runs.
import { z } from 'zod';
import type { HousingEvent } from './housing-events.js';
import { apartmentStatuses } from './housing-model.js';

const IdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'Ogiltigt id.');
const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ange ett datum (ÅÅÅÅ-MM-DD).');

export const HousingSeedSchema = z.object({
  units: z.array(z.object({ id: IdSchema, name: z.string().min(1).max(200), law: z.enum(['LSS', 'SoL']), profile: z.string().max(500) })),
  apartments: z.array(
    z.object({
      id: IdSchema,
      unitId: IdSchema,
      number: z.string().min(1).max(20),
      rooms: z.number().int().min(1).max(10),
      sizeSqm: z.number().positive().max(500),
      rent: z.number().int().min(0).max(100_000),
      status: z.enum(apartmentStatuses),
      readyDate: DateSchema.nullable().optional(),
      renovationNote: z.string().max(500).nullable().optional(),
    }),
  ),
});
export type HousingSeed = z.infer<typeof HousingSeedSchema>;

/**
 * The events that create the seed's units and apartments. An apartment must belong to a unit of the seed or of
 * `existingUnitIds`; ids already in use (`takenIds`) are refused.
 */
export function seedEvents(input: HousingSeed, existing: { unitIds?: ReadonlySet<string>; apartmentIds?: ReadonlySet<string> } = {}): HousingEvent[] {
  const seed = HousingSeedSchema.parse(input);
  const unitIds = new Set([...seed.units.map((u) => u.id), ...(existing.unitIds ?? [])]);
  const taken = [...seed.units.filter((u) => existing.unitIds?.has(u.id)), ...seed.apartments.filter((a) => existing.apartmentIds?.has(a.id))];
  if (taken.length) throw new HousingSeedError('conflict', `Id finns redan i boenderegistret: ${taken.map((t) => t.id).join(', ')}`);
  const events: HousingEvent[] = seed.units.map((unit) => ({ type: 'unit.created', unit }));
  for (const a of seed.apartments) {
    if (!unitIds.has(a.unitId)) throw new HousingSeedError('bad_request', `Lägenheten ${a.id} hör till ett okänt boende: ${a.unitId}`);
    events.push({
      type: 'apartment.created',
      apartment: { ...a, readyDate: a.readyDate ?? null, renovationNote: a.renovationNote ?? null, queueEntryId: null, moveInDate: null },
    });
  }
  return events;
}

/** A seed that does not fit the register: an id already in use, or an apartment of an unknown unit. */
export class HousingSeedError extends Error {
  constructor(readonly kind: 'conflict' | 'bad_request', message: string) {
    super(message);
    this.name = 'HousingSeedError';
  }
}
