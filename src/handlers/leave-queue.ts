// "Avsluta köplats": the queue entry is closed with a reason; when the decision itself ends, an apartment still held
// for the entry (reserved or booked, not yet let) is released with it, so it does not stay booked for nobody.
import { z } from 'zod';
import { BpmnBusinessError, defineHandler } from './handler.js';
import { BooleanInput, TextInput } from './handler-inputs.js';

export const LeaveQueueInputSchema = z.object({ queueEntryId: z.string().uuid(), reason: TextInput(500), releaseHeldApartment: BooleanInput.optional() });

export const leaveQueue = defineHandler<z.infer<typeof LeaveQueueInputSchema>>({
  name: 'leaveQueue',
  title: 'Avsluta köplats',
  input: LeaveQueueInputSchema,
  async run({ queueEntryId, reason, releaseHeldApartment }, context) {
    if (!context.housing.state.queue.has(queueEntryId)) throw new BpmnBusinessError('KOPLATS_SAKNAS', 'Köplatsen finns inte.');
    context.housing.emit({ type: 'queue.left', queueEntryId, reason });
    if (!releaseHeldApartment) return;
    for (const apartment of context.housing.state.apartments.values()) {
      if (apartment.queueEntryId === queueEntryId && (apartment.status === 'reserverad' || apartment.status === 'bokad')) {
        context.housing.emit({ type: 'apartment.released', apartmentId: apartment.id });
      }
    }
  },
});
