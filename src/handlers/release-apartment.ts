// "Släpp reservation": the apartment is vacant again (after a no, or a booking that fell through).
import { z } from 'zod';
import { defineHandler } from './handler.js';
import { IdInput, requireApartment } from './handler-inputs.js';

export const ReleaseApartmentInputSchema = z.object({ apartmentId: IdInput });

export const releaseApartment = defineHandler<z.infer<typeof ReleaseApartmentInputSchema>>({
  name: 'releaseApartment',
  title: 'Släpp reservation',
  input: ReleaseApartmentInputSchema,
  async run({ apartmentId }, context) {
    requireApartment(context.housing.state, apartmentId);
    context.housing.emit({ type: 'apartment.released', apartmentId });
  },
});
