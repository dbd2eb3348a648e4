// The caller's side of call activities in one transition: which child cases to start, finish with, or end.
import { randomUUID } from 'node:crypto';
import type { CallRecord } from '../records/index.js';
import { catchesError, type ProcessModel } from '../definitions/process-model.js';
import type { StepParking } from '../elements/durable-timers.js';
import type { HistoryRecorder } from './history-recorder.js';
import type { WaitingActivity } from './task-records.js';

/** What the tracker needs of its session. */
export interface CallPorts {
  model: ProcessModel;
  recorder: HistoryRecorder;
  parking: StepParking;
  waiting(): WaitingActivity[];
  assign(values: Record<string, unknown>): void;
  /** Completes the waiting call activity: the caller goes on past it. */
  signal(elementId: string, executionId: string): void;
  /** Throws a BPMN error with `code` at the waiting call activity, for its error boundary event. */
  throwError(executionId: string, code: string, message: string): void;
}

/** How a child case ended: finished with its variables, failed, or at an error end event. */
export type ChildOutcome = { variables: Record<string, unknown> } | { failed: string } | { error: { code: string; message: string } };

/**
 * bpmn-elements lets a call activity wait when the called process is not in the same file (ours never is): the child
 * case is ours to start. A record with the child's id is stored with the step that reached the call activity, before
 * the child exists, so a restart in between starts it then, and never a second one.
 */
export class CallTracker {
  private records: CallRecord[];

  constructor(private readonly ports: CallPorts, base: readonly CallRecord[]) {
    this.records = [...base];
    // A child that ended without finishing leaves its caller at an incident; a reload keeps the retry ready.
    for (const r of this.records) if (r.state === 'failed') ports.parking.park(r.elementId, () => this.restart(r.childId));
  }

  /** The next transition on the same engine starts from the stored records. */
  begin(base: readonly CallRecord[]): void {
    this.records = [...base];
  }

  /**
   * The records to store: a new one (with the child's id fixed now) for each call activity the case reached, and
   * `ending` for each one it left while its child still runs (a boundary event fired, the case ended).
   */
  next(waiting: readonly WaitingActivity[]): CallRecord[] {
    const calls = waiting.filter((w) => w.type === 'bpmn:CallActivity');
    const kept: CallRecord[] = [];
    for (const r of this.records) {
      const stillWaits = calls.some((w) => w.executionId === r.executionId);
      if (stillWaits || r.state === 'ending') kept.push(r);
      else if (r.state !== 'failed') kept.push({ ...r, state: 'ending' });
    }
    for (const w of calls) {
      const call = this.ports.model.callActivities.get(w.id);
      if (!call || kept.some((r) => r.executionId === w.executionId)) continue;
      const record: CallRecord = { childId: randomUUID(), elementId: w.id, executionId: w.executionId, processKey: call.calledKey, state: 'starting' };
      this.ports.recorder.record('call.started', w.id, { childId: record.childId, processKey: call.calledKey });
      kept.push(record);
    }
    this.records = kept;
    return kept;
  }

  /** A child case ended: finished, the caller goes on past its call activity; otherwise it waits at an incident. */
  ended(childId: string, outcome: ChildOutcome): boolean {
    if ('failed' in outcome) return this.fail(childId, outcome.failed);
    if ('error' in outcome) return this.errorEnded(childId, outcome.error.code, outcome.error.message);
    return this.complete(childId, outcome.variables);
  }

  /** The child finished: its variables come in and the caller goes on. False when the caller no longer waits for it. */
  complete(childId: string, variables: Record<string, unknown>): boolean {
    const record = this.waitingRecord(childId);
    if (!record) return false;
    this.ports.recorder.record('call.completed', record.elementId, { childId, variables });
    this.ports.assign(variables);
    this.records = this.records.filter((r) => r !== record);
    this.ports.signal(record.elementId, record.executionId);
    return true;
  }

  /**
   * The child ended at an error end event: an error boundary event on the call activity with that code takes the
   * caller on; without one the caller waits at an incident, as for any error the diagram does not catch.
   */
  errorEnded(childId: string, code: string, message: string): boolean {
    const record = this.waitingRecord(childId);
    if (!record) return false;
    if (!catchesError(this.ports.model, record.elementId, code)) return this.fail(childId, `${message} (${code}; diagrammet fångar inte felet). Försök igen startar ett nytt ärende.`);
    this.ports.recorder.record('call.error', record.elementId, { childId, code });
    this.records = this.records.filter((r) => r !== record);
    this.ports.throwError(record.executionId, code, message);
    return true;
  }

  /** The child ended without finishing: the caller waits at an incident; a retry starts a new child. */
  fail(childId: string, message: string): boolean {
    const record = this.waitingRecord(childId);
    if (!record) return false;
    this.records = this.records.map((r) => (r === record ? { ...r, state: 'failed' as const } : r));
    this.ports.parking.park(record.elementId, () => this.restart(childId), { message });
    return true;
  }

  /** A retry of the incident: a new child of the routine's newest version, started once the retry is stored. */
  private async restart(childId: string): Promise<void> {
    const record = this.records.find((r) => r.childId === childId && r.state === 'failed');
    if (!record) throw new Error('Det anropade ärendet startas redan igen.');
    const next: CallRecord = { ...record, childId: randomUUID(), state: 'starting' };
    this.ports.recorder.record('call.started', record.elementId, { childId: next.childId, processKey: record.processKey });
    this.records = this.records.map((r) => (r === record ? next : r));
  }

  private waitingRecord(childId: string): CallRecord | undefined {
    const record = this.records.find((r) => r.childId === childId && (r.state === 'running' || r.state === 'starting'));
    const waits = record && this.ports.waiting().some((w) => w.executionId === record.executionId);
    return waits ? record : undefined;
  }
}

/** The part of bpmn-elements' activity api a call activity's error is sent through; a sub-process lists its own. */
interface ApiOfActivity {
  executionId: string;
  getPostponed?(): ApiOfActivity[];
  sendApiMessage(action: string, content: Record<string, unknown>): void;
}

/** The waiting activity with this execution id, inside sub-processes too. */
export function findPostponed(postponed: readonly unknown[], executionId: string, seen = new Set<unknown>()): ApiOfActivity | undefined {
  for (const api of postponed as ApiOfActivity[]) {
    if (api.executionId === executionId) return api;
    if (seen.has(api.executionId) || !api.getPostponed) continue;
    seen.add(api.executionId);
    const inside = findPostponed(api.getPostponed(), executionId, seen);
    if (inside) return inside;
  }
  return undefined;
}
