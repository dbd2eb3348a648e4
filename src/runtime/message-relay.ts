// Delivers what one case sent another (an offer, an answer) once the sending step is stored. A message still in an
// outbox when the server stopped is delivered at the next start; the receiver takes each message once.
import { randomUUID } from 'node:crypto';
import type { DefinitionRegistry, InstanceIndex, InstanceSummary, InstanceTransitions, OutgoingMessage } from '../engine/index.js';
import { AppError } from '../errors.js';
import { type FormChoices, resolveForm, validateSubmission } from '../forms/index.js';
import { deliverOrConflict } from './deliver-message.js';
import type { HandlerLogger } from '../handlers/index.js';
import type { Clock } from '../timers/index.js';

export interface MessageRelayDeps {
  index: InstanceIndex;
  transitions: InstanceTransitions;
  registry: DefinitionRegistry;
  clock: Clock;
  logger: HandlerLogger;
  /** What a message's reference variables may name now (apartments, offers). */
  choices: FormChoices;
}

export function createMessageRelay({ index, transitions, registry, clock, logger, choices }: MessageRelayDeps) {
  // A receiver that answers at once makes its own relay call while this one still delivers; each message goes once.
  const inFlight = new Set<string>();

  /** Takes `message` into its receiver; the reason it could not, or null. A store failure is thrown: it stays queued. */
  async function deliver(message: OutgoingMessage): Promise<string | null> {
    try {
      await transitions.withEngine(message.to, 'system', async (session, receiver) => {
        if (session.hasReceived(message.id)) return;
        const declared = registry.get(receiver.processKey, receiver.version)?.model.messages.get(message.message);
        if (!declared) throw new AppError('conflict', `Det mottagande ärendets process känner inte till meddelandet "${message.message}".`);
        // A message names apartments and offers like a form: among the register's, never any id.
        const result = validateSubmission(resolveForm(declared.variables, choices), message.variables, 'json');
        if (!result.ok) throw new AppError('validation_failed', `Meddelandet "${declared.name}" har ogiltiga variabler: ${result.errors.map((e) => `${e.field}: ${e.message}`).join(' ')}`);
        await deliverOrConflict(session, declared, result.values);
        session.markReceived(message.id);
      });
      return null;
    } catch (err) {
      if (err instanceof AppError) return err.message;
      throw err;
    }
  }

  /** The sender's outbox lets go of the message; one that could not be delivered is told to the sender's roles. */
  async function settle(senderId: string, message: OutgoingMessage, refused: string | null): Promise<void> {
    const model = (s: InstanceSummary) => registry.get(s.processKey, s.version)?.model;
    await transitions.withoutEngine(senderId, (sender, nextSeq) => {
      const outbox = (sender.outbox ?? []).filter((m) => m.id !== message.id);
      const summary: InstanceSummary = { ...sender, outbox };
      if (!outbox.length) delete summary.outbox;
      if (!refused) return { summary, entries: [] };
      const at = clock.now().toISOString();
      const elementName = model(sender)?.elements.get(message.elementId)?.name ?? null;
      const entry = { seq: nextSeq, at, type: 'message.undelivered', elementId: message.elementId, elementName, actor: 'system', data: { to: message.to, message: message.message, reason: refused } };
      const groups = model(sender)?.starterGroups ?? [];
      const body = `Steget "${elementName ?? message.elementId}" skickade ett meddelande till ett annat ärende som inte kunde tas emot: ${refused} Kontrollera båda ärendena.`;
      const bevakningar = groups.map((group) => ({ id: randomUUID(), instanceId: senderId, group, subject: 'Meddelandet kunde inte lämnas', body, createdAt: at, readAt: null }));
      return { summary: { ...summary, bevakningar: [...sender.bevakningar, ...bevakningar] }, entries: [entry] };
    }, { endedToo: true });
  }

  return {
    /** Delivers every message waiting in the case's outbox. */
    async deliverOutbox(senderId: string): Promise<void> {
      for (const message of index.get(senderId)?.outbox ?? []) {
        if (inFlight.has(message.id)) continue;
        inFlight.add(message.id);
        try {
          const refused = await deliver(message);
          if (refused) logger.warn({ instanceId: senderId, to: message.to, message: message.message }, 'case message not delivered');
          await settle(senderId, message, refused);
        } finally {
          inFlight.delete(message.id);
        }
      }
    },

    /** At start: the messages a crash left in outboxes. */
    async deliverLeftOver(): Promise<void> {
      const senders = [...index.all()].filter((s) => s.outbox?.length).map((s) => s.id);
      for (const id of senders) await this.deliverOutbox(id);
    },
  };
}
