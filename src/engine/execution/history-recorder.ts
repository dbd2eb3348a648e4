// Turns what happens in one transition into history entries: engine events plus the runtime's own actions.
import type { HistoryEntry } from '../records/index.js';
import type { Clock } from '../../timers/index.js';
import type { ProcessModel } from '../definitions/process-model.js';
import { itemOfTask } from './multi-instance-items.js';
import { loopItemOf } from './waiting-activities.js';
import { isScopeWrapper, scopeOfWrapper } from '../definitions/normalize-event-subprocess.js';

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
    // bpmn-elements stops the steps inside a cancelled sub-process without an event of their own (the sub-process only
    // leaves); a step still running inside one that leaves was cancelled, and is recorded so, so an auditor sees the
    // open task end. A sub-process that completes has none left running. A made wrapper stands for its whole scope.
    engineListener.on('activity.leave', (api) => (isScopeWrapper(api.id) ? this.cancelInsideWrapper(api.id) : this.cancelInside(api.id)));
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

  /** Records as cancelled every step still running inside the sub-process `container`. */
  private cancelInside(container: string): void {
    this.cancelRunning((id) => this.topUnder(id, container) !== null);
  }

  /**
   * A made wrapper (normalize-event-subprocess.ts) holds its scope's own steps; the "over" one also the steps of the
   * scope's non-interrupting event sub-processes. The steps of an event sub-process that runs beside it are not inside.
   */
  private cancelInsideWrapper(wrapperId: string): void {
    const scope = scopeOfWrapper(wrapperId);
    const over = wrapperId.endsWith('-over');
    const scopeKey = this.model.elements.has(scope) ? scope : undefined;
    this.cancelRunning((id) => {
      const top = this.topUnder(id, scopeKey);
      if (top === null) return false;
      const element = this.model.elements.get(top);
      if (!element?.triggeredByEvent) return true;
      if (!over) return false;
      const start = [...this.model.elements.values()].find((e) => e.type === 'bpmn:StartEvent' && e.parent === top);
      return start?.interrupting === false;
    });
  }

  private cancelRunning(isInside: (id: string) => boolean): void {
    for (const id of [...this.running]) {
      if (!isInside(id)) continue;
      this.running.delete(id);
      this.record('activity.cancelled', id, { type: this.model.elements.get(id)?.type ?? null });
    }
  }

  /** The element directly in `container` (undefined: the process) that holds `id` or is it; null when not inside. */
  private topUnder(id: string, container: string | undefined): string | null {
    let at: string | undefined = id;
    while (at !== undefined) {
      const parent: string | undefined = this.model.elements.get(at)?.parent;
      if (parent === container) return at === container ? null : at;
      at = parent;
    }
    return null;
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
