// What the steps of one transition cause besides moving the engine: bevakningar, case events, register changes.
import { randomUUID } from 'node:crypto';
import type { HandlerContext, HandlerLogger } from '../../handlers/index.js';
import type { HousingRegister, HousingTransaction } from '../../housing/index.js';
import type { Bevakning, InstanceSummary } from '../records/index.js';
import type { CaseEvent } from '../../decisions/index.js';
import type { Clock } from '../../timers/index.js';
import type { HistoryRecorder } from './history-recorder.js';

export interface EffectDeps {
  clock: Clock;
  logger: HandlerLogger;
  housing: HousingRegister;
  recorder: HistoryRecorder;
}

export class TransitionEffects {
  readonly bevakningar: Bevakning[] = [];
  readonly caseEvents: CaseEvent[] = [];
  private housingTransaction: HousingTransaction | null = null;

  constructor(private readonly deps: EffectDeps, private readonly base: InstanceSummary) {}

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
      },
      housing: {
        state: housing.state,
        emit: (event) => {
          this.housingTransaction ??= housing.begin(id, this.base.rev + 1, () => clock.now());
          this.housingTransaction.emit(event);
          recorder.record(`housing.${event.type}`, elementId, { ...event } as Record<string, unknown>);
        },
      },
    };
  }

  /** Writes the register changes; before the instance document is stored. */
  async flush(): Promise<void> {
    await this.housingTransaction?.flush();
  }

  /** The transition is not stored: its register changes are taken back. */
  async abort(): Promise<void> {
    await this.housingTransaction?.abort();
    this.housingTransaction = null;
  }
}
