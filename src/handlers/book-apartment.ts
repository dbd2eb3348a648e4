// "Boka lägenhet": a reserved apartment is booked with its move-in date (the offer was accepted).
import { z } from 'zod';
import { BpmnBusinessError, defineHandler } from './handler.js';
import { DateInput, IdInput, requireApartment } from './handler-inputs.js';

export const BookApartmentInputSchema = z.object({ apartmentId: IdInput, moveInDate: DateInput });

export const bookApartment = defineHandler<z.infer<typeof BookApartmentInputSchema>>({
  name: 'bookApartment',
  title: 'Boka lägenhet',
  input: BookApartmentInputSchema,
  async run({ apartmentId, moveInDate }, context) {
    const apartment = requireApartment(context.housing.state, apartmentId);
    if (apartment.status !== 'reserverad') throw new BpmnBusinessError('LAGENHET_EJ_RESERVERAD', `Lägenheten är ${apartment.status}, inte reserverad.`);
    context.housing.emit({ type: 'apartment.booked', apartmentId, moveInDate });
  },
});
