// One hydrated engine for one transition of one instance: start or recover, act, run to the next wait, snapshot.
import { EventEmitter } from 'node:events';
import type { ServiceHandler, HandlerLogger } from '../../handlers/index.js';
import type { Incident, InstanceDocument, InstanceSummary, TaskRecord } from '../records/index.js';
import type { RegisterBatch } from '../../housing/index.js';
import type { Clock } from '../../timers/index.js';
import { DurableTimers } from '../elements/durable-timers.js';
import { createEngine, type EngineInstance } from '../elements/create-engine.js';
import { HistoryRecorder } from './history-recorder.js';
import type { CompiledDefinition } from '../definitions/process-model.js';
import { processVariables } from '../elements/process-variables.js';
import { bindServices } from './service-adapter.js';
import type { WaitingActivity } from './task-records.js';
import { waitingActivities } from './waiting-activities.js';
import { TransitionEffects } from './transition-effects.js';
import type { HousingRegister } from '../../housing/index.js';
import { CallTracker, findPostponed, type ChildOutcome } from './call-tracker.js';
import { assignEverywhere, postponedOf, processScope } from './engine-variables.js';
import { EngineOutcome } from './engine-outcome.js';
import { engineStateOf } from './engine-state.js';
import { InFlightWork } from './in-flight-work.js';
import { nextSummary } from './next-summary.js';
import { ReceivedMessages } from './received-messages.js';
import { StepIncidents } from './step-incidents.js';
import { submitTask } from './task-submission.js';

export interface SessionDeps {
  definition: CompiledDefinition;
  housing: HousingRegister;
  handlers: ReadonlyMap<string, ServiceHandler<unknown>>;
  clock: Clock;
  logger: HandlerLogger;
  refuseMessage(to: string, message: string): string | null;
}

export class InstanceSession {
  readonly recorder: HistoryRecorder;
  /** The child cases its call activities start, finish with or end (call-tracker.ts). */
  readonly calls: CallTracker;
  private readonly engine: EngineInstance;
  private readonly timers: DurableTimers;
  private readonly listener = new EventEmitter();
  /** The handler calls still running; settled, the engine has done all it can without outside input. */
  private readonly work = new InFlightWork();
  private readonly outcome: EngineOutcome;
  private readonly incidents: StepIncidents;
  private readonly received: ReceivedMessages;
  private effects: TransitionEffects;
  private knownTasks: Map<string, TaskRecord>;

  private constructor(private readonly deps: SessionDeps, private base: InstanceSummary, actor: string, nextSeq: number) {
    const { definition, clock } = deps;
    this.knownTasks = new Map(base.tasks.map((t) => [t.executionId, t]));
    this.recorder = new HistoryRecorder(clock, definition.model, nextSeq, actor);
    this.incidents = new StepIncidents({ model: definition.model, clock, recorder: this.recorder, inbox: (elementId) => this.effects.contextFor(elementId).inbox }, base.id, base.incidents ?? []);
    this.received = new ReceivedMessages(base.receivedMessages ?? []);
    const { parking } = this.incidents;
    this.timers = new DurableTimers(clock, parking);
    this.effects = this.newEffects(base);
    const services = bindServices(deps.handlers, {
      model: definition.model,
      context: (elementId) => this.effects.contextFor(elementId),
      track: (work) => this.work.track(work),
      share: (values) => this.assignVariables(values),
      ...parking,
    });
    this.engine = createEngine({ name: base.id, sourceContext: definition.sourceContext, timers: this.timers, services });
    const signal = (id: string, executionId: string) => this.engine.execution!.signal({ id, executionId });
    const throwError = (executionId: string, code: string, message: string) => findPostponed(postponedOf(this.engine), executionId)?.sendApiMessage('error', { message, code });
    this.calls = new CallTracker({ model: definition.model, recorder: this.recorder, parking, waiting: () => this.waiting(), assign: (v) => this.assignVariables(v), signal, throwError }, base.calls ?? []);
    this.recorder.listen(this.listener as never, (executionId) => this.knownTasks.has(executionId));
    this.outcome = new EngineOutcome(this.engine, this.listener, this.recorder);
  }

  /** Starts a new instance with its start-form variables and runs it to its first wait. */
  static async start(deps: SessionDeps, summary: InstanceSummary, actor: string): Promise<InstanceSession> {
    const session = new InstanceSession(deps, summary, actor, 1);
    session.recorder.record('instance.started', null, { businessKey: summary.businessKey, variables: summary.variables });
    await session.engine.execute({ listener: session.listener, variables: { ...summary.variables } } as never);
    await session.work.settle();
    return session;
  }

  /** Recovers a stored instance against its own definition version. */
  static async resume(deps: SessionDeps, doc: InstanceDocument, actor: string): Promise<InstanceSession> {
    const lastSeq = doc.lastEntries.at(-1)?.seq ?? 0;
    const session = new InstanceSession(deps, doc.summary, actor, lastSeq + 1);
    const { summary } = doc;
    session.recorder.markRunning([...summary.active.map((a) => a.elementId), ...summary.tasks.map((t) => t.elementId), ...summary.timers.map((t) => t.elementId)]);
    // The document is this call's own (InstanceRepository.load), so the engine may take its state without a copy.
    session.engine.recover(doc.engineState as never);
    await session.engine.resume({ listener: session.listener } as never);
    await session.work.settle();
    return session;
  }

  /** Reuses this engine for the next transition of the same instance (it holds exactly the stored state). */
  begin(base: InstanceSummary, actor: string, nextSeq: number): void {
    this.base = base;
    this.knownTasks = new Map(base.tasks.map((t) => [t.executionId, t]));
    this.recorder.begin(actor, nextSeq);
    this.effects = this.newEffects(base);
    this.calls.begin(base.calls ?? []);
    this.received.begin(base.receivedMessages ?? []);
    this.incidents.begin(base.incidents ?? []);
  }

  /** The incidents open now: stored ones not resolved in this transition, and those this transition opened. */
  openIncidents(): Incident[] {
    return this.incidents.openIncidents();
  }

  /**
   * Runs the step of an open incident again with `variables` set first; the process goes on from it. Throws conflict
   * with the step's message when it fails again (nothing is stored then, the incident stays open).
   */
  async retryIncident(incidentId: string, variables: Record<string, unknown>): Promise<void> {
    await this.incidents.retry(incidentId, variables, (values) => this.assignVariables(values));
    await this.work.settle();
  }

  get state() {
    return this.outcome.state;
  }

  /** Puts the validated form values into the variables and completes the waiting task (task-submission.ts). */
  async completeTask(task: TaskRecord, values: Record<string, unknown>): Promise<void> {
    submitTask(this.engine, this.deps.definition.model, this.recorder, this.waiting(), task, values);
    await this.work.settle();
  }

  /** Delivers a BPMN message; false when nothing in the instance waits for it (nothing changed then). */
  async deliverMessage(message: { id: string; name: string }, variables: Record<string, unknown>): Promise<boolean> {
    const before = this.recorder.entries.length;
    this.recorder.record('message.received', null, { message: message.id, name: message.name, variables });
    const stepsBefore = this.recorder.steps;
    this.assignVariables(variables);
    this.engine.execution!.signal({ id: message.id });
    await this.work.settle();
    if (this.recorder.steps === stepsBefore && this.recorder.entries.length === before + 1) return false;
    return true;
  }

  /** A child case ended: finished, the caller goes on past its call activity; otherwise it waits at an incident. */
  async childEnded(childId: string, outcome: ChildOutcome): Promise<boolean> {
    const done = this.calls.ended(childId, outcome);
    await this.work.settle();
    return done;
  }

  /** Whether a message from another case with this outbox id was taken in already (it is sent again after a crash). */
  hasReceived(messageId: string): boolean {
    return this.received.has(messageId);
  }

  /** Remembers that the message from another case with this outbox id was taken in by this transition. */
  markReceived(messageId: string): void {
    this.received.mark(messageId);
  }

  /** Fires one due timer; false when it is no longer armed. */
  async fireTimer(executionId: string): Promise<boolean> {
    const fired = this.timers.fire(executionId);
    await this.work.settle();
    return fired;
  }

  /** The document to store: summary, engine state without the embedded source, and this transition's entries. */
  async toDocument(): Promise<InstanceDocument> {
    const now = this.deps.clock.now().toISOString();
    const state = this.state;
    this.outcome.record(this.recorder);
    const engineState = await engineStateOf(this.engine);
    const variables = processVariables(processScope(this.engine));
    const waiting = state === 'running' ? this.waiting() : [];
    const calls = this.calls.next(waiting);
    const { clock, definition } = this.deps;
    const summary = nextSummary({ base: this.base, state, now, model: definition.model, clock, variables, waiting, knownTasks: this.knownTasks, timers: this.timers.pending(), calls, incidents: this.openIncidents(), effects: this.effects, receivedMessages: this.received.toStore() });
    return { summary, engineState, lastEntries: this.recorder.entries };
  }

  /** Register changes are written before the document that records them; taken back if it is not stored. */
  flushEffects(): Promise<void> {
    return this.effects.flush();
  }

  abortEffects(): Promise<void> {
    return this.effects.abort();
  }

  /** On a shared store the register changes are saved with the document instead (see TransitionStore). */
  registerBatch(): RegisterBatch | null {
    return this.effects.registerBatch();
  }

  effectsStored(): void {
    this.effects.stored();
  }

  private newEffects(base: InstanceSummary): TransitionEffects {
    const { clock, logger, housing, refuseMessage } = this.deps;
    return new TransitionEffects({ clock, logger, housing, recorder: this.recorder, refuseMessage }, base);
  }

  private waiting(): WaitingActivity[] {
    return waitingActivities(postponedOf(this.engine));
  }

  /** Sets variables for the whole case: the process's and every running sub-process's copy (engine-variables.ts). */
  private assignVariables(values: Record<string, unknown>): void {
    assignEverywhere(this.engine, values);
  }
}
