// "Ställ i kö": the applicant's queue entry; queue time counts from now.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineHandler } from './handler.js';
import { BooleanInput, DateInput, IdInput, TextInput } from './handler-inputs.js';

export const AddToQueueInputSchema = z.object({
  applicant: TextInput(200),
  insats: TextInput(200),
  decisionDate: DateInput,
  needs: z.string().trim().max(2000).optional(),
  wishedUnitId: IdInput.optional(),
  atKorttidsboende: BooleanInput.optional(),
});

export const addToQueue = defineHandler<z.infer<typeof AddToQueueInputSchema>>({
  name: 'addToQueue',
  title: 'Ställ i kö',
  input: AddToQueueInputSchema,
  async run(input, context) {
    const id = randomUUID();
    context.housing.emit({
      type: 'queue.added',
      entry: {
        id,
        applicant: input.applicant,
        insats: input.insats,
        decisionDate: input.decisionDate,
        queuedAt: context.clock.now().toISOString(),
        needs: input.needs ?? null,
        wishedUnitId: input.wishedUnitId ?? null,
        atKorttidsboende: input.atKorttidsboende ?? false,
        status: 'aktiv',
        closedReason: null,
        instanceId: context.instance.id,
      },
    });
    return { queueEntryId: id };
  },
});
