// "Skicka meddelande till ett annat ärende": the vacancy routine offers an apartment to the applicant's decision case,
// and the decision case sends the answer back, as BPMN messages between two cases.
import { z } from 'zod';
import { BpmnBusinessError, defineHandler } from './handler.js';
import { IdInput } from './handler-inputs.js';

export const SendCaseMessageInputSchema = z.object({
  to: z.string().uuid(),
  message: IdInput,
  variables: z.record(z.string(), z.unknown()).optional(),
  /** The receiver learns who sent it under this name (to answer back); absent: it does not. */
  senderVariable: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/).optional(),
});

export const sendCaseMessage = defineHandler<z.infer<typeof SendCaseMessageInputSchema>>({
  name: 'sendCaseMessage',
  title: 'Skicka meddelande till ett annat ärende',
  input: SendCaseMessageInputSchema,
  async run({ to, message, variables = {}, senderVariable }, context) {
    const refused = context.caseMessages.refusal(to, message);
    if (refused) throw new BpmnBusinessError('ARENDET_VANTAR_INTE', refused);
    const sent = senderVariable ? { ...variables, [senderVariable]: context.instance.id } : variables;
    context.caseMessages.send(to, message, sent);
  },
});
