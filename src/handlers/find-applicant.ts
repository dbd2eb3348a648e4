// "Hämta den sökande ur kön": the boendesamordnare names the applicant as people know them (the reference in the
// case system); the step finds that person's active queue entry and the decision case behind it.
import { z } from 'zod';
import { BpmnBusinessError, defineHandler } from './handler.js';
import { TextInput } from './handler-inputs.js';

export const FindApplicantInputSchema = z.object({ applicant: TextInput(200), insats: TextInput(200) });

export const findApplicant = defineHandler<z.infer<typeof FindApplicantInputSchema>>({
  name: 'findApplicant',
  title: 'Hämta den sökande ur kön',
  input: FindApplicantInputSchema,
  async run({ applicant, insats }, context) {
    const wanted = applicant.toLocaleLowerCase('sv');
    const entries = [...context.housing.state.queue.values()].filter(
      (e) => e.status === 'aktiv' && e.insats === insats && e.instanceId !== null && e.applicant.trim().toLocaleLowerCase('sv') === wanted,
    );
    if (entries.length !== 1) {
      const why = entries.length === 0 ? 'står inte i kön' : 'står i kön flera gånger';
      throw new BpmnBusinessError('SOKANDE_SAKNAS', `Den sökande ${why} för ${insats}.`);
    }
    const entry = entries[0]!;
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
