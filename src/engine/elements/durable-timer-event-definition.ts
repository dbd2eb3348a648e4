// A timer event definition whose due dates are ours: our clock, calendar months clamped, FEEL values, cycles without drift.
import { TimerEventDefinition } from 'bpmn-elements';
import { catchUpCycle, nextCycleDue, resolveTimer, timerKinds, type ResolvedTimer, type TimerKind } from '../../timers/index.js';
import type { DurableTimers } from './durable-timers.js';
import { processVariables } from './process-variables.js';

const kTimerContent = Symbol.for('timerContent');

interface TimerContent {
  expireAt?: string | Date;
  timerType?: TimerKind;
  repeat?: number;
  cycle?: { start: string | Date | null; duration: string } | null;
  inbound?: { repeat?: number }[];
  [key: string]: unknown;
}

const kUnresolved = Symbol('unresolved');

/** bpmn-elements sets the definition's value as a property named after its kind. */
type TimerThis = Partial<Record<TimerKind, string>> & {
  environment: { timers: DurableTimers; variables: Record<string, unknown> };
  activity: { id: string };
  [kTimerContent]?: TimerContent;
  /** Why the last computation of the due date failed: a value, not a fault of the engine. */
  [kUnresolved]?: Error;
};

type ExecuteMessage = { content: TimerContent; fields: Record<string, unknown> };
const baseExecute = (TimerEventDefinition as unknown as { prototype: { execute(this: unknown, message: ExecuteMessage): void } }).prototype.execute;

export function DurableTimerEventDefinition(this: TimerThis, activity: unknown, eventDefinition: unknown): void {
  (TimerEventDefinition as unknown as (this: unknown, ...a: unknown[]) => void).call(this, activity, eventDefinition);
}

DurableTimerEventDefinition.prototype = Object.create((TimerEventDefinition as unknown as { prototype: object }).prototype);

/**
 * A timer whose due date cannot be computed from the case's values (a date nobody filled in, a value of the wrong
 * kind) waits at an incident, like a failing service task, instead of failing the case: a retry with the value
 * corrected computes it again and arms it. A reload re-enters it without a second incident.
 */
DurableTimerEventDefinition.prototype.execute = function execute(this: TimerThis, executeMessage: ExecuteMessage) {
  const parking = this.environment.timers.parking;
  if (!parking) return baseExecute.call(this, executeMessage);
  const elementId = this.activity.id;
  const attempt = async () => {
    this[kUnresolved] = undefined;
    baseExecute.call(this, executeMessage);
  };
  if (parking.hasIncident(elementId)) return parking.park(elementId, attempt);
  this[kUnresolved] = undefined;
  try {
    baseExecute.call(this, executeMessage);
  } catch (err) {
    const unresolved = this[kUnresolved] as Error | undefined; // set by _getTimers during the call above
    if (!unresolved) throw err;
    parking.park(elementId, attempt, { message: `Tidpunkten kunde inte räknas ut: ${unresolved.message}` });
  }
};

/**
 * Replaces bpmn-elements' computation (UTC, months overflowing, real time). A resumed timer keeps its stored due date;
 * a repeat of a cycle is due one period after the previous due date. A cycle (re)armed with periods already past fires
 * once, now, for all of them (`missedPeriods` names them) and goes on at the first period after now; a period that
 * falls due later, while the clock moves, is a firing of its own.
 */
DurableTimerEventDefinition.prototype._getTimers = function getTimers(this: TimerThis, executeMessage: { content: TimerContent }) {
  const content = executeMessage.content;
  const now = this.environment.timers.clock.now();
  const kind = timerKinds.find((k) => this[k] !== undefined);
  if (!kind) return { timeout: 0 };

  let expireAt: Date;
  let repeat: number;
  let cycle: ResolvedTimer['cycle'];
  const previous = this[kTimerContent];
  const inboundRepeat = content.inbound?.[0]?.repeat;
  if (content.expireAt !== undefined) {
    expireAt = new Date(content.expireAt);
    repeat = content.repeat ?? 0;
    cycle = reviveCycle(content.cycle);
  } else if (inboundRepeat !== undefined && previous?.cycle && previous.expireAt) {
    cycle = reviveCycle(previous.cycle);
    expireAt = nextCycleDue(cycle!, new Date(previous.expireAt));
    repeat = inboundRepeat;
  } else {
    let resolved: ResolvedTimer;
    try {
      resolved = resolveTimer(kind, String(this[kind]).trim(), processVariables(this.environment.variables), now);
    } catch (err) {
      this[kUnresolved] = err as Error;
      throw err;
    }
    ({ expireAt, cycle } = resolved);
    repeat = inboundRepeat ?? resolved.repeat;
  }
  // A resumed timer was armed in the future: it is one period that fell due while the clock moved.
  const caughtUp = cycle && content.expireAt === undefined ? catchUpCycle(cycle, expireAt, repeat, now) : null;
  if (caughtUp) ({ due: expireAt, repeat } = caughtUp);
  return {
    timerType: kind,
    [kind]: String(this[kind]).trim(),
    expireAt,
    repeat,
    cycle,
    timeout: expireAt.getTime() - now.getTime(),
    ...(caughtUp && missedPeriods(caughtUp)),
  };
};

/** What the firing's history entry names: ISO strings, since the timer content is stored with the engine state. */
function missedPeriods({ missed, missedCount }: { missed: Date[]; missedCount: number }) {
  return { missedPeriods: missed.map((d) => d.toISOString()), ...(missedCount > missed.length && { missedPeriodCount: missedCount }) };
}

function reviveCycle(cycle: TimerContent['cycle']): ResolvedTimer['cycle'] {
  if (!cycle) return null;
  return { start: cycle.start ? new Date(cycle.start) : null, duration: cycle.duration };
}
