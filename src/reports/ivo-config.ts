// The IVO reporting configuration (windows, threshold, legal references): data in config/ivo.json, checked at boot.
import { z } from 'zod';
import { loadJsonConfig } from '../config.js';

const MonthDay = z.string().regex(/^\d{2}-\d{2}$/, 'ska vara MM-DD');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ska vara ÅÅÅÅ-MM-DD');
const Window = z.object({ from: MonthDay, to: MonthDay, nextYear: z.boolean() });

export const IvoConfigSchema = z.object({
  thresholdMonths: z.number().int().min(1).max(24),
  reportingWindows: z.object({ Q1: Window, Q2: Window, Q3: Window, Q4: Window }),
  // `source`: where the reference was read, for the next person who has to check it when the law changes.
  legalReferences: z.array(z.object({ law: z.enum(['LSS', 'SoL']), validFrom: Day, validTo: Day.nullable(), text: z.string().min(1), source: z.string().min(1) })),
});
export type IvoConfig = z.infer<typeof IvoConfigSchema>;

/** Reads and checks the file; a bad file stops the boot with a message naming it. */
export function loadIvoConfig(file: string): Promise<IvoConfig> {
  return loadJsonConfig(file, IvoConfigSchema);
}

/** The legal reference for a decision under `law` taken on `decisionDate`. */
export function legalReference(config: IvoConfig, law: 'LSS' | 'SoL', decisionDate: string): string | null {
  const match = config.legalReferences.find((r) => r.law === law && r.validFrom <= decisionDate && (r.validTo === null || decisionDate <= r.validTo));
  return match?.text ?? null;
}
