// How long ended cases are kept, per law and process (config/gallring.json), checked at boot.
import { z } from 'zod';
import { loadJsonConfig } from '../config.js';

const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'ska vara små bokstäver, siffror och bindestreck'),
    label: z.string().min(1).max(200),
    law: z.enum(['LSS', 'SoL']).optional(),
    processKeys: z.array(z.string().min(1)).min(1).optional(),
    /** Whole years after the last entry; null: kept for good. */
    keepYears: z.number().int().min(1).max(100).nullable(),
    keepBirthDays: z.array(z.number().int().min(1).max(31)).default([]),
    source: z.string().min(1),
  })
  .strict()
  .refine((rule) => rule.law !== undefined || rule.processKeys !== undefined, { message: 'ange law eller processKeys' });

export const GallringConfigSchema = z
  .object({
    $comment: z.string().optional(),
    /** A case with no personnummer cannot show a birthday that is kept: cull it (`gallra`) or keep it (`bevara`). */
    whenBirthDayUnknown: z.enum(['gallra', 'bevara']),
    rules: z.array(RuleSchema).min(1),
  })
  .strict()
  .refine((config) => new Set(config.rules.map((r) => r.id)).size === config.rules.length, { message: 'regel-id får bara förekomma en gång' });

export type GallringConfig = z.infer<typeof GallringConfigSchema>;
export type GallringRule = GallringConfig['rules'][number];

/** Reads and checks the file; a bad file stops the boot with a message naming it. */
export function loadGallringConfig(file: string): Promise<GallringConfig> {
  return loadJsonConfig(file, GallringConfigSchema);
}

/** The rule for a case: one naming its process first, else one for its law; none: the case is kept. */
export function ruleFor(config: GallringConfig, processKey: string, law: 'LSS' | 'SoL' | null): GallringRule | null {
  return config.rules.find((r) => r.processKeys?.includes(processKey)) ?? config.rules.find((r) => !r.processKeys && law !== null && r.law === law) ?? null;
}
