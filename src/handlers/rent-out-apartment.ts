// "Registrera inflyttning": the booked apartment is let from the move-in day, which is the day of verkställighet.
import { z } from 'zod';
import { BpmnBusinessError, defineHandler } from './handler.js';
import { DateInput, IdInput, requireApartment } from './handler-inputs.js';

export const RentOutApartmentInputSchema = z.object({ apartmentId: IdInput, moveInDate: DateInput });

export const rentOutApartment = defineHandler<z.infer<typeof RentOutApartmentInputSchema>>({
  name: 'rentOutApartment',
  title: 'Registrera inflyttning',
  input: RentOutApartmentInputSchema,
  async run({ apartmentId, moveInDate }, context) {
    const apartment = requireApartment(context.housing.state, apartmentId);
    if (apartment.status !== 'bokad') throw new BpmnBusinessError('LAGENHET_EJ_BOKAD', `Lägenheten är ${apartment.status}, inte bokad.`);
    context.housing.emit({ type: 'apartment.rentedOut', apartmentId, moveInDate });
    context.caseEvents.record('verkstallt', { date: moveInDate });
  },
});
