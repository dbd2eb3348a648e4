// One hydrated engine for one transition of one instance: start or recover, act, run to the next wait, snapshot.
import { EventEmitter } from 'node:events';
import { AppError } from '../../errors.js';
import type { ServiceHandler, HandlerLogger } from '../../handlers/index.js';
import type { Incident, InstanceDocument, InstanceSummary, TaskRecord } from '../records/index.js';
import type { Clock } from '../../timers/index.js';
import { DurableTimers, type StepParking } from '../elements/durable-timers.js';
import { activePositions } from './active-positions.js';
import { createEngine, type EngineInstance } from '../elements/create-engine.js';
import { HistoryRecorder } from './history-recorder.js';
import type { CompiledDefinition } from '../definitions/process-model.js';
import { processVariables } from '../elements/process-variables.js';
import { bindServices, incidentMessage } from './service-adapter.js';
import { processRoles } from '../definitions/process-model.js';
import { randomUUID } from 'node:crypto';
import { taskRecords, type WaitingActivity } from './task-records.js';
import { waitingActivities, waitingScope, waitingVariables } from './waiting-activities.js';
import { answersWith } from './multi-instance-items.js';
import { TransitionEffects } from './transition-effects.js';
import type { HousingRegister } from '../../housing/index.js';
import { startNewDecision } from '../../decisions/index.js';
import { CallTracker, findPostponed } from './call-tracker.js';

export interface SessionDeps {
  definition: CompiledDefinition;
  housing: HousingRegister;
  handlers: ReadonlyMap<string, ServiceHandler<unknown>>;
  clock: Clock;
  logger: HandlerLogger;
  refuseMessage(to: string, message: string): string | null;
}

/** How many received message ids a case remembers; a resend comes right after a crash, long before that many more. */
const receivedMessagesKept = 200;

/** Steps one transition may take before we call it a loop without a wait state. */
const maxStepsPerTransition = 5000;


export class InstanceSession {
  readonly recorder: HistoryRecorder;
  /** The child cases its call activities start, finish with or end (call-tracker.ts). */
  readonly calls: CallTracker;
  private readonly engine: EngineInstance;
  private readonly timers: DurableTimers;
  private readonly listener = new EventEmitter();
  private readonly inFlight = new Set<Promise<unknown>>();
  private effects: TransitionEffects;
  private knownTasks: Map<string, TaskRecord>;
  private outcome: { state: 'completed' } | { state: 'failed'; message: string } | null = null;
  private received: string[] = [];
  /** The next attempt of each step waiting at an incident; a reload fills it again as the engine re-enters the step. */
  private readonly parked = new Map<string, () => Promise<void>>();
  private openedIncidents: Incident[] = [];
  private readonly resolvedIncidents = new Set<string>();

  private constructor(private readonly deps: SessionDeps, private base: InstanceSummary, actor: string, nextSeq: number) {
    const { definition, clock } = deps;
    this.knownTasks = new Map(base.tasks.map((t) => [t.executionId, t]));
    this.recorder = new HistoryRecorder(clock, definition.model, nextSeq, actor);
    const parking: StepParking = {
      hasIncident: (elementId) => this.openIncidents().some((i) => i.elementId === elementId),
      park: (elementId, attempt, opened) => {
        this.parked.set(elementId, attempt);
        if (opened) this.openIncident(elementId, opened.message);
      },
    };
    this.timers = new DurableTimers(clock, parking);
    this.effects = this.newEffects(base);
    const services = bindServices(deps.handlers, {
      model: definition.model,
      context: (elementId) => this.effects.contextFor(elementId),
      track: (work) => this.track(work),
      share: (values) => this.assignVariables(values),
      ...parking,
    });
    this.engine = createEngine({ name: base.id, sourceContext: definition.sourceContext, timers: this.timers, services });
    const signal = (id: string, executionId: string) => this.engine.execution!.signal({ id, executionId });
    const throwError = (executionId: string, code: string, message: string) => findPostponed(this.engine.execution?.getPostponed() ?? [], executionId)?.sendApiMessage('error', { message, code });
    this.calls = new CallTracker({ model: definition.model, recorder: this.recorder, parking, waiting: () => this.waiting(), assign: (v) => this.assignVariables(v), signal, throwError }, base.calls ?? []);
    this.engine.once('end', () => {
      this.outcome ??= { state: 'completed' };
    });
    this.engine.on('error', (err: Error) => {
      this.outcome = { state: 'failed', message: err.message };
    });
    this.recorder.listen(this.listener as never, (executionId) => this.knownTasks.has(executionId));
    this.listener.on('activity.enter', () => {
      if (this.recorder.steps > maxStepsPerTransition && !this.outcome) {
        this.outcome = { state: 'failed', message: 'Processen gick i en slinga utan att vänta på något och stoppades.' };
        void this.engine.stop();
      }
    });
  }

  /** Starts a new instance with its start-form variables and runs it to its first wait. */
  static async start(deps: SessionDeps, summary: InstanceSummary, actor: string): Promise<InstanceSession> {
    const session = new InstanceSession(deps, summary, actor, 1);
    session.recorder.record('instance.started', null, { businessKey: summary.businessKey, variables: summary.variables });
    await session.engine.execute({ listener: session.listener, variables: { ...summary.variables } } as never);
    await session.settle();
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
    await session.settle();
    return session;
  }

  /** Reuses this engine for the next transition of the same instance (it holds exactly the stored state). */
  begin(base: InstanceSummary, actor: string, nextSeq: number): void {
    this.base = base;
    this.knownTasks = new Map(base.tasks.map((t) => [t.executionId, t]));
    this.recorder.begin(actor, nextSeq);
    this.effects = this.newEffects(base);
    this.calls.begin(base.calls ?? []);
    this.received = [];
    this.openedIncidents = [];
    this.resolvedIncidents.clear();
  }

  /** The incidents open now: stored ones not resolved in this transition, and those this transition opened. */
  openIncidents(): Incident[] {
    return [...(this.base.incidents ?? []).filter((i) => !this.resolvedIncidents.has(i.id)), ...this.openedIncidents];
  }

  /**
   * Runs the step of an open incident again with `variables` set first; the process goes on from it. Throws conflict
   * with the step's message when it fails again (nothing is stored then, the incident stays open).
   */
  async retryIncident(incidentId: string, variables: Record<string, unknown>): Promise<void> {
    const incident = this.openIncidents().find((i) => i.id === incidentId);
    const attempt = incident && this.parked.get(incident.elementId);
    if (!incident || !attempt) throw new AppError('not_found', 'Incidenten finns inte eller är redan löst.');
    this.recorder.record('incident.retried', incident.elementId, { incidentId, variables });
    this.assignVariables(variables);
    try {
      await attempt();
    } catch (err) {
      throw new AppError('conflict', `Steget misslyckades igen: ${incidentMessage(err)}`);
    }
    this.parked.delete(incident.elementId);
    this.resolvedIncidents.add(incident.id);
    this.recorder.record('incident.resolved', incident.elementId, { incidentId });
    await this.settle();
  }

  /** The step waits here: recorded, and every role of the process is told in its inbox. */
  private openIncident(elementId: string, message: string): void {
    const { model } = this.deps.definition;
    const name = model.elements.get(elementId)?.name ?? elementId;
    const incident: Incident = { id: randomUUID(), instanceId: this.base.id, elementId, name, message, at: this.deps.clock.now().toISOString() };
    this.openedIncidents.push(incident);
    this.recorder.record('incident.opened', elementId, { incidentId: incident.id, message });
    const ports = this.effects.contextFor(elementId);
    const subject = `Ett steg har stannat: ${name}`;
    const body = `Steget "${name}" kunde inte utföras: ${message} Ärendet väntar vid steget. Rätta uppgifterna och välj Försök igen på ärendets sida.`;
    for (const group of processRoles(model)) ports.inbox.send({ group, subject, body });
  }

  get state() {
    return this.outcome?.state ?? 'running';
  }

  /** Puts the validated form values into the variables and completes the waiting task. */
  async completeTask(task: TaskRecord, values: Record<string, unknown>): Promise<void> {
    const waiting = this.waiting().find((w) => w.executionId === task.executionId);
    if (!waiting) throw new AppError('task_closed');
    this.recorder.record('task.completed', task.elementId, { values }, task.name);
    this.assignVariables(this.itemAnswers(waiting, values) ?? values);
    this.engine.execution!.signal({ id: task.elementId, executionId: task.executionId });
    await this.settle();
  }

  /** Delivers a BPMN message; false when nothing in the instance waits for it (nothing changed then). */
  async deliverMessage(message: { id: string; name: string }, variables: Record<string, unknown>): Promise<boolean> {
    const before = this.recorder.entries.length;
    this.recorder.record('message.received', null, { message: message.id, name: message.name, variables });
    const stepsBefore = this.recorder.steps;
    this.assignVariables(variables);
    this.engine.execution!.signal({ id: message.id });
    await this.settle();
    if (this.recorder.steps === stepsBefore && this.recorder.entries.length === before + 1) return false;
    return true;
  }

  /** A child case ended: finished, the caller goes on past its call activity; otherwise it waits at an incident. */
  async childEnded(childId: string, outcome: { variables: Record<string, unknown> } | { failed: string } | { error: { code: string; message: string } }): Promise<boolean> {
    const done = 'failed' in outcome ? this.calls.fail(childId, outcome.failed) : 'error' in outcome ? this.calls.errorEnded(childId, outcome.error.code, outcome.error.message) : this.calls.complete(childId, outcome.variables);
    await this.settle();
    return done;
  }

  /** Whether a message from another case with this outbox id was taken in already (it is sent again after a crash). */
  hasReceived(messageId: string): boolean {
    return (this.base.receivedMessages ?? []).includes(messageId) || this.received.includes(messageId);
  }

  /** Remembers that the message from another case with this outbox id was taken in by this transition. */
  markReceived(messageId: string): void {
    this.received.push(messageId);
  }

  /** Fires one due timer; false when it is no longer armed. */
  async fireTimer(executionId: string): Promise<boolean> {
    const fired = this.timers.fire(executionId);
    await this.settle();
    return fired;
  }

  /** The document to store: summary, engine state without the embedded source, and this transition's entries. */
  async toDocument(): Promise<InstanceDocument> {
    const now = this.deps.clock.now().toISOString();
    const state = this.state;
    if (this.outcome?.state === 'failed') this.recorder.record('instance.failed', null, { message: this.outcome.message });
    if (this.outcome?.state === 'completed') this.recorder.record('instance.completed', null, null);
    const engineState = (await this.engine.getState()) as { definitions?: { source?: unknown }[] };
    for (const d of engineState.definitions ?? []) delete d.source;
    const variables = processVariables(this.variablesObject());
    const waiting = state === 'running' ? this.waiting() : [];
    const calls = this.calls.next(waiting);
    const model = this.deps.definition.model;
    const summary: InstanceSummary = {
      ...this.base,
      state,
      endedAt: state === 'running' ? null : now,
      rev: this.base.rev + 1,
      variables,
      active: activePositions(waiting, model.elements),
      tasks: taskRecords(waiting, this.knownTasks, this.base, model, this.deps.clock, variables),
      timers: state === 'running' ? this.timers.pending().map((t) => ({ id: `${this.base.id}.${t.executionId}`, instanceId: this.base.id, elementId: t.elementId, executionId: t.executionId, dueAt: t.dueAt.toISOString() })) : [],
      bevakningar: [...this.base.bevakningar, ...this.effects.bevakningar],
      caseEvents: [...this.base.caseEvents, ...this.effects.caseEvents],
    };
    // An incident whose step is no longer waiting (an interrupting boundary event took the token away) is over.
    const incidents = this.openIncidents().filter((i) => waiting.some((w) => w.id === i.elementId));
    if (calls.length) summary.calls = calls;
    else delete summary.calls;
    if (incidents.length) summary.incidents = incidents;
    else delete summary.incidents;
    const started = this.effects.newDecision;
    const replaced = started && startNewDecision({ ...this.base, caseEvents: summary.caseEvents }, started.id, started.beslutsdatum, this.base.caseEvents.length + started.splitAt);
    if (replaced) Object.assign(summary, replaced);
    const outbox = [...(this.base.outbox ?? []), ...this.effects.outgoing];
    if (outbox.length) summary.outbox = outbox;
    else delete summary.outbox;
    if (this.received.length) summary.receivedMessages = [...(this.base.receivedMessages ?? []), ...this.received].slice(-receivedMessagesKept);
    return { summary, engineState, lastEntries: this.recorder.entries };
  }

  /** Register changes are written before the document that records them; taken back if it is not stored. */
  flushEffects(): Promise<void> {
    return this.effects.flush();
  }

  abortEffects(): Promise<void> {
    return this.effects.abort();
  }

  private newEffects(base: InstanceSummary): TransitionEffects {
    const { clock, logger, housing, refuseMessage } = this.deps;
    return new TransitionEffects({ clock, logger, housing, recorder: this.recorder, refuseMessage }, base);
  }

  private waiting(): WaitingActivity[] {
    return waitingActivities(this.engine.execution?.getPostponed() ?? []);
  }

  /** For one item of a multi-instance task, its answers put in the task's list (multi-instance-items.ts). */
  private itemAnswers(waiting: WaitingActivity, values: Record<string, unknown>): Record<string, unknown> | null {
    const loop = this.deps.definition.model.userTasks.get(waiting.id)?.loop;
    if (!loop || !waiting.loop) return null;
    const scope = waitingScope(this.engine.execution?.getPostponed() ?? [], waiting.executionId) ?? this.variablesObject();
    return answersWith(waiting.id, scope[waiting.id], waiting.loop, loop.elementVariable, values);
  }

  /** Sets variables for the whole case: the process's and every running sub-process's copy (waiting-activities.ts). */
  private assignVariables(values: Record<string, unknown>): void {
    const scopes = new Set([this.variablesObject(), ...waitingVariables(this.engine.execution?.getPostponed() ?? [])]);
    for (const scope of scopes) Object.assign(scope, values);
  }

  /** The process environment's variables object, shared by every activity of the running process. */
  private variablesObject(): Record<string, unknown> {
    const definition = this.engine.execution?.definitions[0] as { getProcesses(): { environment: { variables: Record<string, unknown> } }[] } | undefined;
    return definition?.getProcesses()[0]?.environment.variables ?? {};
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
  }

  /** Waits until no handler is running and the engine has done all it can without outside input. */
  private async settle(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.inFlight.size === 0) return;
      await Promise.allSettled([...this.inFlight]);
    }
  }
}
