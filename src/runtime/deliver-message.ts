// Delivering a declared BPMN message to a case's engine, the same for a person, another case and the decision form.
import { AppError } from '../errors.js';

interface MessageTarget {
  deliverMessage(message: { id: string; name: string }, variables: Record<string, unknown>): Promise<boolean>;
}

/** Delivers the message with its validated values; conflict (nothing changes) when the case does not wait for it now. */
export async function deliverOrConflict(session: MessageTarget, message: { id: string; name: string }, values: Record<string, unknown>): Promise<void> {
  if (!(await session.deliverMessage(message, values))) throw new AppError('conflict', `Ärendet väntar inte på meddelandet "${message.name}" just nu.`);
}
