// "Reservera lägenhet": a vacant apartment is held for one queue entry.
import { z } from 'zod';
import { BpmnBusinessError, defineHandler } from './handler.js';
import { IdInput, requireApartment } from './handler-inputs.js';

export const ReserveApartmentInputSchema = z.object({ apartmentId: IdInput, queueEntryId: z.string().uuid() });

export const reserveApartment = defineHandler<z.infer<typeof ReserveApartmentInputSchema>>({
  name: 'reserveApartment',
  title: 'Reservera lägenhet',
  input: ReserveApartmentInputSchema,
  async run({ apartmentId, queueEntryId }, context) {
    const apartment = requireApartment(context.housing.state, apartmentId);
    if (apartment.status !== 'ledig') throw new BpmnBusinessError('LAGENHET_EJ_LEDIG', `Lägenheten är ${apartment.status}, inte ledig.`);
    context.housing.emit({ type: 'apartment.reserved', apartmentId, queueEntryId });
    // The boende the apartment belongs to: the diagram addresses the offer's and move-in's work to its enhetschef (`unit`).
    return { enhet: apartment.unitId };
  },
});
