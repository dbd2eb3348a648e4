// "Avsluta byteskö": the waitlist entry is closed with a reason.
import { z } from 'zod';
import { defineHandler } from './handler.js';
import { TextInput } from './handler-inputs.js';

export const LeaveWaitlistInputSchema = z.object({ waitlistEntryId: z.string().uuid(), reason: TextInput(500) });

export const leaveWaitlist = defineHandler<z.infer<typeof LeaveWaitlistInputSchema>>({
  name: 'leaveWaitlist',
  title: 'Avsluta byteskö',
  input: LeaveWaitlistInputSchema,
  async run({ waitlistEntryId, reason }, context) {
    context.housing.emit({ type: 'waitlist.left', waitlistEntryId, reason });
  },
});
