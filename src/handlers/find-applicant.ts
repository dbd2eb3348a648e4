// "Hämta den sökande ur kön": the boendesamordnare picked the applicant's place in the queue from the list (a
// `queueEntry` field); the step reads that place and the decision case behind it. Between the pick and this step the
// place may have been closed, or be for another insats: then the routine's error path asks for a new choice.
import { z } from 'zod';
import { BpmnBusinessError, defineHandler } from './handler.js';
import { IdInput, TextInput } from './handler-inputs.js';

export const FindApplicantInputSchema = z.object({ queueEntryId: IdInput, insats: TextInput(200) });

export const findApplicant = defineHandler<z.infer<typeof FindApplicantInputSchema>>({
  name: 'findApplicant',
  title: 'Hämta den sökande ur kön',
  input: FindApplicantInputSchema,
  async run({ queueEntryId, insats }, context) {
    const entry = context.housing.state.queue.get(queueEntryId);
    if (!entry || entry.status !== 'aktiv' || entry.insats !== insats || entry.instanceId === null) {
      throw new BpmnBusinessError('SOKANDE_SAKNAS', `Den valda sökande står inte längre i kön för ${insats}, eller saknar ett ärende.`);
    }
    return {
      queueEntryId: entry.id,
      sokandeArende: entry.instanceId,
      brukare: entry.applicant,
      beslutsdatum: entry.decisionDate,
      franKorttidsboende: entry.atKorttidsboende,
      behov: entry.needs,
    };
  },
});
