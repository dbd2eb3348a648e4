// "Registrera ledig lägenhet": the apartment is vacant from its ready date (after cleaning and inspection).
import { z } from 'zod';
import { defineHandler } from './handler.js';
import { DateInput, IdInput, requireApartment } from './handler-inputs.js';

export const RegisterVacancyInputSchema = z.object({ apartmentId: IdInput, readyDate: DateInput, reason: z.enum(['flyttat', 'avliden']) });

export const registerVacancy = defineHandler<z.infer<typeof RegisterVacancyInputSchema>>({
  name: 'registerVacancy',
  title: 'Registrera ledig lägenhet',
  input: RegisterVacancyInputSchema,
  async run({ apartmentId, readyDate, reason }, context) {
    requireApartment(context.housing.state, apartmentId);
    context.housing.emit({ type: 'apartment.vacated', apartmentId, readyDate, reason });
  },
});
