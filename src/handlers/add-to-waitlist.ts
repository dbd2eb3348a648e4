// "Ställ i kö för byte av boende": the separate waitlist of residents who want to change housing.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineHandler } from './handler.js';
import { IdInput, TextInput } from './handler-inputs.js';

export const AddToWaitlistInputSchema = z.object({ applicant: TextInput(200), currentUnitId: IdInput, reason: TextInput(2000) });

export const addToWaitlist = defineHandler<z.infer<typeof AddToWaitlistInputSchema>>({
  name: 'addToWaitlist',
  title: 'Ställ i kö för byte av boende',
  input: AddToWaitlistInputSchema,
  async run(input, context) {
    const id = randomUUID();
    context.housing.emit({
      type: 'waitlist.added',
      entry: { id, ...input, registeredAt: context.clock.now().toISOString(), status: 'aktiv', closedReason: null, instanceId: context.instance.id },
    });
    return { waitlistEntryId: id };
  },
});
