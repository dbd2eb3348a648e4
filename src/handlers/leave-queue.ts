// "Avsluta köplats": the queue entry is closed with a reason.
import { z } from 'zod';
import { BpmnBusinessError, defineHandler } from './handler.js';
import { TextInput } from './handler-inputs.js';

export const LeaveQueueInputSchema = z.object({ queueEntryId: z.string().uuid(), reason: TextInput(500) });

export const leaveQueue = defineHandler<z.infer<typeof LeaveQueueInputSchema>>({
  name: 'leaveQueue',
  title: 'Avsluta köplats',
  input: LeaveQueueInputSchema,
  async run({ queueEntryId, reason }, context) {
    if (!context.housing.state.queue.has(queueEntryId)) throw new BpmnBusinessError('KOPLATS_SAKNAS', 'Köplatsen finns inte.');
    context.housing.emit({ type: 'queue.left', queueEntryId, reason });
  },
});
