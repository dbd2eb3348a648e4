import { describe, expect, test } from 'vitest';
import { addToQueue } from '../../src/handlers/add-to-queue.js';
import { findApplicant } from '../../src/handlers/find-applicant.js';
import { BpmnBusinessError } from '../../src/handlers/handler.js';
import { sendCaseMessage } from '../../src/handlers/send-case-message.js';
import { handlerHarness } from '../helpers/handler-context.js';

const insats = 'Särskilt boende för äldre (SoL)';
const decisionCase = '5d0c3c1e-7b7a-4e53-9d0e-2b8f5f1f0a01';

describe('finding the applicant and messaging their case', () => {
  test("when the boendesamordnare has picked an applicant's place in the queue, then the step reads it and their decision case", async () => {
    // given
    const harness = handlerHarness();
    const queued = { ...harness.context, instance: { ...harness.context.instance, id: decisionCase } };
    const { queueEntryId } = (await addToQueue.run(addToQueue.input.parse({ applicant: 'Brukare Berg', insats, decisionDate: '2027-01-10', needs: 'Demens', atKorttidsboende: 'true' }), queued)) as { queueEntryId: string };
    // when
    const found = await findApplicant.run({ queueEntryId, insats }, harness.context);
    // then
    expect(found).toEqual({ queueEntryId, sokandeArende: decisionCase, brukare: 'Brukare Berg', beslutsdatum: '2027-01-10', franKorttidsboende: true, behov: 'Demens' });
  });

  test("when the picked place is in another insats's queue or gone, then the step raises SOKANDE_SAKNAS for the diagram to catch", async () => {
    // given
    const harness = handlerHarness();
    const queued = { ...harness.context, instance: { ...harness.context.instance, id: decisionCase } };
    const { queueEntryId } = (await addToQueue.run(addToQueue.input.parse({ applicant: 'Brukare Berg', insats: 'Bostad med särskild service (LSS)', decisionDate: '2027-01-10' }), queued)) as { queueEntryId: string };
    const refused = new BpmnBusinessError('SOKANDE_SAKNAS', `Den valda sökande står inte längre i kön för ${insats}, eller saknar ett ärende.`);
    // when / then
    await expect(findApplicant.run({ queueEntryId, insats }, harness.context)).rejects.toEqual(refused);
    await expect(findApplicant.run({ queueEntryId: 'finns-inte', insats }, harness.context)).rejects.toEqual(refused);
  });

  test('when the receiving case waits, then the message is sent with the sender named; when it does not, the step raises ARENDET_VANTAR_INTE', async () => {
    // given
    const harness = handlerHarness({ waitingCases: [decisionCase] });
    // when
    await sendCaseMessage.run({ to: decisionCase, message: 'erbjudande', variables: { lagenhetId: 'sol-12' }, senderVariable: 'erbjudandeArende' }, harness.context);
    const notWaiting = sendCaseMessage.run({ to: '0b9a6f7e-3c1d-4f7a-9a55-0f1f6c1b2d3e', message: 'erbjudande', variables: {} }, harness.context);
    // then
    expect(harness.messages).toEqual([{ to: decisionCase, message: 'erbjudande', variables: { lagenhetId: 'sol-12', erbjudandeArende: 'i-1' } }]);
    await expect(notWaiting).rejects.toMatchObject({ code: 'ARENDET_VANTAR_INTE' });
    expect(harness.messages).toHaveLength(1);
  });
});
