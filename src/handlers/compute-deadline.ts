// "Beräkna sista dag": a date so many working days, calendar days or months after another, into a variable; never
// earlier than `notBefore` when given (rent runs from day 7 or 10 only once the apartment is ready to move into).
import { z } from 'zod';
import { addCalendar, addWorkingDays } from '../timers/index.js';
import { defineHandler } from './handler.js';
import { CountInput, DateInput } from './handler-inputs.js';

export const ComputeDeadlineInputSchema = z
  .object({
    from: DateInput,
    workingDays: CountInput.optional(),
    calendarDays: CountInput.optional(),
    months: CountInput.optional(),
    notBefore: DateInput.optional(),
    variable: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'ska vara ett variabelnamn'),
  })
  .refine((i) => [i.workingDays, i.calendarDays, i.months].filter((v) => v !== undefined).length === 1, {
    message: 'ange precis ett av workingDays, calendarDays och months',
  });

export const computeDeadline = defineHandler<z.infer<typeof ComputeDeadlineInputSchema>>({
  name: 'computeDeadline',
  title: 'Beräkna sista dag',
  input: ComputeDeadlineInputSchema,
  async run({ from, workingDays, calendarDays, months, notBefore, variable }) {
    const date =
      workingDays !== undefined ? addWorkingDays(from, workingDays) : calendarDays !== undefined ? addCalendar(from, 'days', calendarDays) : addCalendar(from, 'months', months!);
    return { [variable]: notBefore && notBefore > date ? notBefore : date };
  },
});
