// "Registrera svar": yes or no to an offer on the day the person gave it; a no keeps its reason and counts as a
// decline in the IVO report.
import { z } from 'zod';
import { stockholmDay } from '../timers/index.js';
import { defineHandler } from './handler.js';
import { DateInput } from './handler-inputs.js';

export const RecordAnswerInputSchema = z
  .object({ offerId: z.string().uuid(), answer: z.enum(['ja', 'nej']), reason: z.string().trim().max(2000).optional(), date: DateInput.optional() })
  .refine((i) => i.answer === 'ja' || Boolean(i.reason), { message: 'orsak (reason) krävs när svaret är nej', path: ['reason'] });

export const recordAnswer = defineHandler<z.infer<typeof RecordAnswerInputSchema>>({
  name: 'recordAnswer',
  title: 'Registrera svar',
  input: RecordAnswerInputSchema,
  async run({ offerId, answer, reason, date }, context) {
    const day = date ?? stockholmDay(context.clock.now());
    context.housing.emit({ type: 'offer.answered', offerId, answer, reason: reason ?? null, answeredAt: day });
    if (answer === 'nej') context.caseEvents.record('avbojt', { date: day, reason: reason ?? null });
  },
});
