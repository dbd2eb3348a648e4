// "Släpp reservation": the apartment is vacant again (after a no, or a booking that fell through).
import { z } from 'zod';
import { defineHandler } from './handler.js';
import { IdInput, requireApartment } from './handler-inputs.js';

export const ReleaseApartmentInputSchema = z.object({ apartmentId: IdInput, queueEntryId: z.string().uuid().optional() });

export const releaseApartment = defineHandler<z.infer<typeof ReleaseApartmentInputSchema>>({
  name: 'releaseApartment',
  title: 'Släpp reservation',
  input: ReleaseApartmentInputSchema,
  async run({ apartmentId, queueEntryId }, context) {
    const apartment = requireApartment(context.housing.state, apartmentId);
    // With a queue entry, only that entry's hold is released: the apartment may since be someone else's.
    if (queueEntryId && apartment.queueEntryId !== queueEntryId) return;
    context.housing.emit({ type: 'apartment.released', apartmentId });
  },
});
