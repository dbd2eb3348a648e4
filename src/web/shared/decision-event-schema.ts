// What a person may record on a decision, from the API's JSON and from the case page's form alike.
import { z } from 'zod';
import { isCalendarDate } from '../../forms/index.js';
import { manualDecisionEvents } from '../../runtime/index.js';

/** Delay and closing are reported with their reason (IVO asks for it); the others may carry one. */
export const DecisionEventSchema = z
  .strictObject({
    type: z.enum(manualDecisionEvents, { error: 'Ange avbrott, aterupptagen, drojsmal eller avslutat.' }),
    date: z.string().refine(isCalendarDate, { error: 'Ange ett datum (ÅÅÅÅ-MM-DD).' }),
    reason: z.string().trim().min(1, 'Skriv skälet.').max(2000, 'Skälet får vara högst 2000 tecken.').optional(),
  })
  .refine((body) => body.reason !== undefined || (body.type !== 'drojsmal' && body.type !== 'avslutat'), { path: ['reason'], error: 'Skriv skälet.' });
