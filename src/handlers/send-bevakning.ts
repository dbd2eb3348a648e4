// Service handler "Skicka bevakning": puts a watch message into a role's inbox in the case system.
import { z } from 'zod';
import { workRoles } from '../auth/index.js';
import { withApartmentNames } from '../housing/index.js';
import { defineHandler } from './handler.js';

/** The service task's camunda:properties: the receiving role and the message it reads. */
export const SendBevakningInputSchema = z.object({
  group: z.enum(workRoles),
  subject: z.string().trim().min(1).max(200),
  body: z.string().max(2000).default(''),
  /** Optional: the unit (a provider, a boende) whose members of the group get it; empty or absent: the whole group. */
  unit: z.string().trim().max(100).nullish(),
});

export type SendBevakningInput = z.infer<typeof SendBevakningInputSchema>;

/**
 * Sends a bevakning to every member of `group` (`GET /api/inbox`). The runtime links it to the instance.
 * Subject and body may hold case details, so only the receiving group and the element are logged.
 */
export const sendBevakning = defineHandler<SendBevakningInput>({
  name: 'sendBevakning',
  title: 'Skicka bevakning',
  input: SendBevakningInputSchema,
  async run(input, context) {
    // People read apartments by boende and number, never by the register's id (which is all the diagram's FEEL has).
    const readable = (text: string) => withApartmentNames(context.housing.state, text);
    context.inbox.send({ group: input.group, subject: readable(input.subject), body: readable(input.body), ...(input.unit ? { unit: input.unit } : {}) });
    context.logger.info(
      { instanceId: context.instance.id, processKey: context.instance.processKey, elementId: context.elementId, group: input.group },
      'bevakning skickad',
    );
    return {};
  },
});
