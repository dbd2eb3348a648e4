// Turns what happens in one transition into history entries: engine events plus the runtime's own actions.
import type { HistoryEntry } from '../records/index.js';
import type { Clock } from '../../timers/index.js';
import type { ProcessModel } from '../definitions/process-model.js';
import { itemOfTask } from './multi-instance-items.js';
import { loopItemOf } from './waiting-activities.js';
import { isScopeWrapper } from '../definitions/normalize-event-subprocess.js';

export interface ActivityApi {
  id: string;
  type: string;
  executionId: string;
  content: Record<string, unknown> & { isResumed?: boolean; isRecovered?: boolean; expireAt?: unknown };
}

/** Collects the entries of one transition, numbered after the instance's last stored entry. */
export class HistoryRecorder {
  entries: HistoryEntry[] = [];
  /** Counts engine steps in this transition, to stop a diagram that loops without ever waiting. */
  steps = 0;
  /** Elements that have started and not ended: only their discard is a real cancellation worth recording. */
  private readonly running = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly model: ProcessModel,
    private nextSeq: number,
    public actor: string,
  ) {}

  /** Starts the next transition on a kept engine: new entries after `nextSeq`, by `actor`. */
  begin(actor: string, nextSeq: number): void {
    this.entries = [];
    this.steps = 0;
    this.actor = actor;
    this.nextSeq = nextSeq;
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** `elementName` names what the entry is about when the element's name alone does not (one item's task). */
  record(type: string, elementId: string | null, data: Record<string, unknown> | null = null, elementName?: string): void {
    this.entries.push({
      seq: this.nextSeq++,
      at: this.clock.now().toISOString(),
      type,
      elementId,
      elementName: elementName ?? (elementId ? (this.model.elements.get(elementId)?.name ?? elementId) : null),
      actor: this.actor,
      data,
    });
  }

  /** Elements already waiting when the instance was loaded. */
  markRunning(elementIds: Iterable<string>): void {
    for (const id of elementIds) this.running.add(id);
  }

  /** Subscribes to the engine listener's activity events. */
  listen(engineListener: { on(event: string, fn: (api: ActivityApi) => void): unknown }, isKnownTask: (executionId: string) => boolean): void {
    // The sub-processes made to run event sub-processes (normalize-event-subprocess.ts) were never drawn: not history.
    const listener = { on: (event: string, fn: (api: ActivityApi) => void) => engineListener.on(event, (api) => isScopeWrapper(api.id) || fn(api)) };
    listener.on('activity.enter', (api) => {
      this.steps++;
      this.running.add(api.id);
      this.record('activity.entered', api.id, { type: api.type });
    });
    listener.on('activity.end', (api) => {
      this.running.delete(api.id);
      // An empty list (or none) leaves a multi-instance task done without a task; the history says why.
      if (api.content.isMultiInstance && api.content.loopCardinality === 0) this.record('loop.empty', api.id, { list: this.model.userTasks.get(api.id)?.loop?.collection ?? null });
      this.record('activity.left', api.id, { type: api.type });
    });
    listener.on('activity.discard', (api) => {
      if (this.running.delete(api.id)) this.record('activity.cancelled', api.id, { type: api.type });
    });
    listener.on('activity.wait', (api) => {
      if (api.type === 'bpmn:UserTask' && !isKnownTask(api.executionId)) this.record('task.created', api.id, null, this.itemTaskName(api));
    });
    listener.on('activity.timer', (api) => {
      if (api.content.isResumed) return;
      this.record('timer.scheduled', api.id, { dueAt: toIso(api.content.expireAt) });
    });
    listener.on('activity.timeout', (api) => {
      if (api.content.state === 'cancel' || api.content.state === 'discard') return;
      this.record('timer.fired', api.id, { dueAt: toIso(api.content.expireAt), ...missedPeriods(api.content) });
    });
  }

  /** One item's task is named with its item, as the inbox names it; other tasks by the element. */
  private itemTaskName(api: ActivityApi): string | undefined {
    const loop = loopItemOf(api as never).loop;
    return loop ? itemOfTask(this.model.elements.get(api.id)?.name ?? api.id, loop).name : undefined;
  }
}

/** A cycle armed with periods already past fires once for them all; its entry names them (and counts them if many). */
function missedPeriods(content: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(content.missedPeriods)) return {};
  const count = typeof content.missedPeriodCount === 'number' ? { missedPeriodCount: content.missedPeriodCount } : {};
  return { missedPeriods: content.missedPeriods, ...count };
}

function toIso(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? new Date(value).toISOString() : null;
}
