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

/** The events that create the seed's units and apartments; an apartment must belong to a unit of the seed. */
export function seedEvents(input: HousingSeed): HousingEvent[] {
  const seed = HousingSeedSchema.parse(input);
  const unitIds = new Set(seed.units.map((u) => u.id));
  const events: HousingEvent[] = seed.units.map((unit) => ({ type: 'unit.created', unit }));
  for (const a of seed.apartments) {
    if (!unitIds.has(a.unitId)) throw new Error(`Lägenheten ${a.id} hör till ett okänt boende: ${a.unitId}`);
    events.push({
      type: 'apartment.created',
      apartment: { ...a, readyDate: a.readyDate ?? null, renovationNote: a.renovationNote ?? null, queueEntryId: null, moveInDate: null },
    });
  }
  return events;
}
