// "Registrera nytt beslut": a new order (korttidsvistelse) is a new favourable decision with its own day and its own
// 3-month clock; the one it replaces keeps what was recorded on it.
import { z } from 'zod';
import { defineHandler } from './handler.js';
import { DateInput } from './handler-inputs.js';

export const RecordNewDecisionInputSchema = z.object({ beslutsdatum: DateInput });

export const recordNewDecision = defineHandler<z.infer<typeof RecordNewDecisionInputSchema>>({
  name: 'recordNewDecision',
  title: 'Registrera nytt beslut',
  input: RecordNewDecisionInputSchema,
  async run({ beslutsdatum }, context) {
    context.caseEvents.newDecision({ beslutsdatum });
  },
});
