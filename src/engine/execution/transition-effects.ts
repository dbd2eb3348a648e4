// What the steps of one transition cause besides moving the engine: bevakningar, case events, register changes,
// messages to other cases.
import { randomUUID } from 'node:crypto';
import type { HandlerContext, HandlerLogger } from '../../handlers/index.js';
import type { HousingRegister, HousingTransaction, RegisterBatch } from '../../housing/index.js';
import type { Bevakning, InstanceSummary, OutgoingMessage } from '../records/index.js';
import type { CaseEvent } from '../../decisions/index.js';
import type { Clock } from '../../timers/index.js';
import type { HistoryRecorder } from './history-recorder.js';

export interface EffectDeps {
  clock: Clock;
  logger: HandlerLogger;
  housing: HousingRegister;
  recorder: HistoryRecorder;
  /** Why case `to` cannot take message `message` now, or null when it waits for it. */
  refuseMessage(to: string, message: string): string | null;
}

export class TransitionEffects {
  readonly bevakningar: Bevakning[] = [];
  readonly caseEvents: CaseEvent[] = [];
  readonly outgoing: OutgoingMessage[] = [];
  /** A new decision started in this transition: its day, and how many of this transition's events came before it. */
  newDecision: { id: string; beslutsdatum: string; splitAt: number } | null = null;
  private housingTransaction: HousingTransaction | null = null;
  /** Where the register copy stood as this transition began to read it: a shared store checks nobody wrote after it. */
  private readonly registerBasis: number;

  constructor(private readonly deps: EffectDeps, private readonly base: InstanceSummary) {
    this.registerBasis = deps.housing.position;
  }

  /** The handler context for one step (`elementId`), its ports writing into this transition. */
  contextFor(elementId: string): Omit<HandlerContext, 'variables'> {
    const { clock, logger, recorder, housing } = this.deps;
    const { id, processKey, version, businessKey } = this.base;
    return {
      instance: { id, processKey, version, businessKey },
      elementId,
      clock,
      logger,
      inbox: {
        send: (message) => {
          this.bevakningar.push({ id: randomUUID(), instanceId: id, ...message, createdAt: clock.now().toISOString(), readAt: null });
          recorder.record('bevakning.sent', elementId, { group: message.group, subject: message.subject });
        },
      },
      caseEvents: {
        record: (type, data) => {
          this.caseEvents.push({ type, date: data.date, reason: data.reason ?? null, at: clock.now().toISOString() });
          recorder.record(`case.${type}`, elementId, { date: data.date, reason: data.reason ?? null });
        },
        newDecision: ({ beslutsdatum }) => {
          this.newDecision = { id: randomUUID(), beslutsdatum, splitAt: this.caseEvents.length };
          recorder.record('decision.started', elementId, { decisionId: this.newDecision.id, beslutsdatum });
        },
      },
      caseMessages: {
        refusal: (to, message) => this.deps.refuseMessage(to, message),
        send: (to, message, variables) => {
          this.outgoing.push({ id: randomUUID(), to, message, variables, elementId, at: clock.now().toISOString() });
          // The variables stay out of the history: they are the receiver's to show, and may name the person.
          recorder.record('message.sent', elementId, { to, message });
        },
      },
      housing: {
        state: housing.state,
        emit: (event) => {
          this.housingTransaction ??= housing.begin(id, this.base.rev + 1, () => clock.now(), this.registerBasis);
          this.housingTransaction.emit(event);
          recorder.record(`housing.${event.type}`, elementId, { ...event } as Record<string, unknown>);
        },
      },
    };
  }

  /** Writes the register changes before the instance document is stored (embedded store). */
  async flush(): Promise<void> {
    await this.housingTransaction?.flush();
  }

  /** The register changes to store with the instance (shared store), or null. */
  registerBatch(): RegisterBatch | null {
    return this.housingTransaction?.batch() ?? null;
  }

  /** The instance was stored with its register changes. */
  stored(): void {
    this.housingTransaction?.stored();
    this.housingTransaction = null;
  }

  /** The transition is not stored: its register changes are taken back. */
  async abort(): Promise<void> {
    await this.housingTransaction?.abort();
    this.housingTransaction = null;
  }
}
