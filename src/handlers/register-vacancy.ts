// "Registrera ledig lägenhet": the apartment is vacant from its ready date (after cleaning and inspection). Only a
// let apartment can become vacant: the same apartment reported twice must not undo the reservation or booking that
// followed the first report.
import { z } from 'zod';
import { BpmnBusinessError, defineHandler } from './handler.js';
import { DateInput, IdInput, requireApartment } from './handler-inputs.js';

export const RegisterVacancyInputSchema = z.object({ apartmentId: IdInput, readyDate: DateInput, reason: z.enum(['flyttat', 'avliden']) });

export const registerVacancy = defineHandler<z.infer<typeof RegisterVacancyInputSchema>>({
  name: 'registerVacancy',
  title: 'Registrera ledig lägenhet',
  input: RegisterVacancyInputSchema,
  async run({ apartmentId, readyDate, reason }, context) {
    const apartment = requireApartment(context.housing.state, apartmentId);
    if (apartment.status !== 'uthyrd') {
      throw new BpmnBusinessError('LAGENHET_SAKNAS', `Lägenheten är inte uthyrd i boenderegistret (den är ${apartment.status}) och kan inte registreras som ledig igen.`);
    }
    context.housing.emit({ type: 'apartment.vacated', apartmentId, readyDate, reason });
    // The boende the apartment belongs to: its enhetschef gets the vacancy's tasks and bevakningar (`unit`).
    return { enhet: apartment.unitId };
  },
});
