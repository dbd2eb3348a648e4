// "Registrera ärendehändelse": a fact the IVO report is computed from (offer, decline, executed, closed, …).
import { z } from 'zod';
import { caseEventTypes } from '../decisions/index.js';
import { stockholmDay } from '../timers/index.js';
import { defineHandler } from './handler.js';
import { DateInput } from './handler-inputs.js';

const needsReason = new Set(['avbojt', 'avslutat', 'drojsmal']);

export const RecordCaseEventInputSchema = z
  .object({ event: z.enum(caseEventTypes), date: DateInput.optional(), reason: z.string().trim().max(2000).optional() })
  .refine((input) => !needsReason.has(input.event) || Boolean(input.reason), { message: 'orsak (reason) krävs för den här händelsen', path: ['reason'] });

export const recordCaseEvent = defineHandler<z.infer<typeof RecordCaseEventInputSchema>>({
  name: 'recordCaseEvent',
  title: 'Registrera ärendehändelse',
  input: RecordCaseEventInputSchema,
  async run({ event, date, reason }, context) {
    context.caseEvents.record(event, { date: date ?? stockholmDay(context.clock.now()), reason: reason ?? null });
  },
});
