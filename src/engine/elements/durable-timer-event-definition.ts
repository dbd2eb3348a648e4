// A timer event definition whose due dates are ours: our clock, calendar months clamped, FEEL values, cycles without drift.
import { TimerEventDefinition } from 'bpmn-elements';
import { nextCycleDue, resolveTimer, timerKinds, type ResolvedTimer, type TimerKind } from '../../timers/index.js';
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

/** bpmn-elements sets the definition's value as a property named after its kind. */
type TimerThis = Partial<Record<TimerKind, string>> & {
  environment: { timers: DurableTimers; variables: Record<string, unknown> };
  [kTimerContent]?: TimerContent;
};

export function DurableTimerEventDefinition(this: TimerThis, activity: unknown, eventDefinition: unknown): void {
  (TimerEventDefinition as unknown as (this: unknown, ...a: unknown[]) => void).call(this, activity, eventDefinition);
}

DurableTimerEventDefinition.prototype = Object.create((TimerEventDefinition as unknown as { prototype: object }).prototype);

/**
 * Replaces bpmn-elements' computation (UTC, months overflowing, real time). A resumed timer keeps its stored due date;
 * a repeat of a cycle is due one period after the previous due date, so missed periods are caught up one by one.
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
    const resolved = resolveTimer(kind, String(this[kind]).trim(), processVariables(this.environment.variables), now);
    ({ expireAt, cycle } = resolved);
    repeat = inboundRepeat ?? resolved.repeat;
  }
  return {
    timerType: kind,
    [kind]: String(this[kind]).trim(),
    expireAt,
    repeat,
    cycle,
    timeout: expireAt.getTime() - now.getTime(),
  };
};

function reviveCycle(cycle: TimerContent['cycle']): ResolvedTimer['cycle'] {
  if (!cycle) return null;
  return { start: cycle.start ? new Date(cycle.start) : null, duration: cycle.duration };
}
