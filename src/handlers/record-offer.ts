// "Registrera erbjudande": the offer of an apartment to a queue entry; the IVO report counts its date.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { stockholmDay } from '../timers/index.js';
import { defineHandler } from './handler.js';
import { DateInput, IdInput, requireApartment } from './handler-inputs.js';

export const RecordOfferInputSchema = z.object({ queueEntryId: z.string().uuid(), apartmentId: IdInput, offerDate: DateInput.optional() });

export const recordOffer = defineHandler<z.infer<typeof RecordOfferInputSchema>>({
  name: 'recordOffer',
  title: 'Registrera erbjudande',
  input: RecordOfferInputSchema,
  async run({ queueEntryId, apartmentId, offerDate }, context) {
    requireApartment(context.housing.state, apartmentId);
    const id = randomUUID();
    const date = offerDate ?? stockholmDay(context.clock.now());
    context.housing.emit({
      type: 'offer.recorded',
      offer: { id, queueEntryId, apartmentId, offerDate: date, answer: null, answeredAt: null, reason: null, instanceId: context.instance.id },
    });
    context.caseEvents.record('erbjudande', { date });
    return { offerId: id };
  },
});
