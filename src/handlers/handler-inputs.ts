// Input pieces shared by the handlers: what a camunda:property (fixed text or a FEEL result) may hold.
import { z } from 'zod';
import { BpmnBusinessError } from './handler.js';
import type { Apartment, HousingState } from '../housing/index.js';

export const DateInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ska vara ett datum ÅÅÅÅ-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T12:00:00Z`)) && new Date(`${s}T12:00:00Z`).toISOString().startsWith(s), 'datumet finns inte');

export const IdInput = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'ska vara ett id');

export const TextInput = (max: number) => z.string().trim().min(1, 'får inte vara tomt').max(max);

/** A property is text; `"true"`/`"false"` (or a FEEL boolean) become a boolean. */
export const BooleanInput = z.union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')]);

/** A property is text; a whole number written as text (or a FEEL number) becomes a number. */
export const CountInput = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().min(0).max(3660));

export function requireApartment(state: Readonly<HousingState>, apartmentId: string): Apartment {
  const apartment = state.apartments.get(apartmentId);
  if (!apartment) throw new BpmnBusinessError('LAGENHET_SAKNAS', `Lägenheten ${apartmentId} finns inte i boenderegistret.`);
  return apartment;
}
