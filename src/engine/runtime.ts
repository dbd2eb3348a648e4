// The process runtime behind the API: processes, instances, tasks, messages, inbox and the clock.
import { randomUUID } from 'node:crypto';
import { appendCaseRead, listCaseReads, type CaseRead, type CaseReadFilter, type CaseReadKind } from '../audit/case-reads.js';
import { AppError, DefinitionError, type FieldError } from '../errors.js';
import { fieldMessages, maxStringLength, validateSubmission, type FormField } from '../forms/index.js';
import type { HandlerLogger } from '../handlers/handler.js';
import type { InstanceSummary, Store, TaskRecord } from '../store/port.js';
import type { Clock, ManualClock } from '../timers/clock.js';
import { addDuration } from '../timers/date-math.js';
import { TimerError } from '../timers/timer-error.js';
import { assertCanClaim, assertCanComplete, assertCanStart, canSeeTask, inGroups } from './access.js';
import type { DefinitionRegistry } from './definition-registry.js';
import type { InstanceIndex } from './instance-index.js';
import type { InstanceTransitions } from './instance-transitions.js';
import type { Actor, BevakningDetail, ClockMove, InstanceFilter, InstanceListItem, InstanceView, RuntimeApi, TaskFilter, TaskView, WaitingTime } from './runtime-api.js';
import type { HousingRegister } from '../housing/housing-register.js';
import { HousingSeedError, seedEvents, type HousingSeed } from '../housing/housing-seed.js';
import { toHousingView, type HousingView } from '../housing/housing-view.js';
import type { IvoConfig } from '../reports/ivo-config.js';
import { buildIvoReport, type IvoReport } from '../reports/ivo-report.js';
import { parseQuarter } from '../reports/quarter.js';
import { toInstanceListItem, toProcessDetail, toProcessListItem, toTaskView } from './views.js';
import type { TimerScheduler } from './timer-scheduler.js';

export interface RuntimeParts {
  store: Store;
  registry: DefinitionRegistry;
  index: InstanceIndex;
  transitions: InstanceTransitions;
  scheduler: TimerScheduler;
  clock: Clock;
  logger: HandlerLogger;
  housing: HousingRegister;
  ivoConfig: IvoConfig;
}

export const manualClockSetting = 'manualClock';

export class Runtime implements RuntimeApi {
  constructor(private readonly parts: RuntimeParts) {}

  listProcesses() {
    return this.parts.registry.keys().map((key) => toProcessListItem(this.parts.registry.latest(key)!));
  }

  getProcess(key: string) {
    const versions = this.parts.registry.versions(key);
    if (!versions.length) throw new AppError('not_found', `Processen ${key} finns inte.`);
    return toProcessDetail(versions);
  }

  async deploy(xml: string, actor: Actor) {
    try {
      const { version } = await this.parts.registry.deploy(xml, 'uppladdad fil', actor.username);
      return { key: version.key, version: version.version };
    } catch (err) {
      if (!(err instanceof DefinitionError)) throw err;
      const fields = err.problems.map((p) => ({ field: p.elementId ?? '', message: p.message }));
      throw new AppError('invalid_definition', `Diagrammet kan inte driftsättas: ${err.problems.length} fel. Tidigare version gäller fortfarande.`, fields);
    }
  }

  async startInstance(key: string, input: { businessKey?: string; variables: Record<string, unknown> }, actor: Actor) {
    const definition = this.parts.registry.latest(key);
    if (!definition) throw new AppError('not_found', `Processen ${key} finns inte.`);
    assertCanStart(actor, definition.model.starterGroups);
    const result = validateSubmission(definition.model.startForm, input.variables, 'json');
    if (!result.ok) throw new AppError('validation_failed', undefined, result.errors);
    const summary: InstanceSummary = {
      id: randomUUID(),
      processKey: key,
      version: definition.version.version,
      businessKey: input.businessKey ?? null,
      state: 'running',
      startedAt: this.parts.clock.now().toISOString(),
      endedAt: null,
      rev: 0,
      variables: result.values,
      active: [],
      tasks: [],
      timers: [],
      bevakningar: [],
      caseEvents: [],
    };
    await this.parts.transitions.start(summary, actor.username);
    return { id: summary.id };
  }

  listInstances(filter: InstanceFilter): InstanceListItem[] {
    return [...this.parts.index.all()]
      .filter((s) => (!filter.processKey || s.processKey === filter.processKey) && (!filter.state || s.state === filter.state) && (!filter.businessKey || s.businessKey === filter.businessKey))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id))
      .map(toInstanceListItem);
  }

  getInstance(id: string): InstanceView {
    const s = this.summary(id);
    return { ...toInstanceListItem(s), variables: s.variables, active: s.active };
  }

  async getHistory(id: string) {
    this.summary(id);
    return this.parts.store.instances.history(id);
  }

  async getDefinitionSource(key: string, version: number): Promise<string> {
    if (!this.parts.registry.get(key, version)) throw new AppError('not_found', `Processen ${key} finns inte i version ${version}.`);
    return this.parts.store.definitions.getSource(key, version);
  }

  async recordCaseRead(read: { user: string; instanceId: string; kind: CaseReadKind }): Promise<void> {
    await appendCaseRead(this.parts.store.accessLog, read, this.parts.clock.now());
  }

  listCaseReads(filter: CaseReadFilter): Promise<CaseRead[]> {
    return listCaseReads(this.parts.store.accessLog, filter);
  }

  listTasks(filter: TaskFilter, actor: Actor): TaskView[] {
    return [...this.parts.index.allTasks()]
      .filter((t) => canSeeTask(actor, t))
      .filter((t) => (!filter.instanceId || t.instanceId === filter.instanceId) && (!filter.group || t.candidateGroups.includes(filter.group)) && (!filter.assignee || t.assignee === filter.assignee))
      .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.createdAt.localeCompare(b.createdAt))
      .map(toTaskView);
  }

  getTask(taskId: string, actor: Actor): TaskView {
    const task = this.openTask(taskId);
    if (!canSeeTask(actor, task)) throw new AppError('forbidden', 'Uppgiften gäller inte dina roller.');
    return toTaskView(task);
  }

  async claimTask(taskId: string, actor: Actor) {
    const task = this.openTask(taskId);
    assertCanClaim(actor, task);
    if (task.assignee === actor.username) return;
    if (task.assignee) throw new AppError('task_claimed', `Uppgiften är redan tagen av ${task.assignee}.`);
    await this.parts.transitions.withoutEngine(task.instanceId, (summary, nextSeq) => {
      const current = summary.tasks.find((t) => t.id === taskId);
      if (!current) throw new AppError('task_closed');
      if (current.assignee) throw new AppError('task_claimed', `Uppgiften är redan tagen av ${current.assignee}.`);
      const tasks = summary.tasks.map((t) => (t.id === taskId ? { ...t, assignee: actor.username } : t));
      const entry = { seq: nextSeq, at: this.parts.clock.now().toISOString(), type: 'task.claimed', elementId: task.elementId, elementName: task.name, actor: actor.username, data: null };
      return { summary: { ...summary, tasks }, entries: [entry] };
    });
  }

  async unclaimTask(taskId: string, actor: Actor) {
    const task = this.openTask(taskId);
    assertCanUnclaim(actor, task);
    if (!task.assignee) return;
    await this.changeTask(task, actor, 'task.unclaimed', (current) => {
      assertCanUnclaim(actor, current);
      return { ...current, assignee: null };
    });
  }

  async saveTaskDraft(taskId: string, values: Record<string, unknown>, actor: Actor) {
    const task = this.openTask(taskId);
    assertCanComplete(actor, task);
    const draft = toDraft(task.form, values);
    await this.changeTask(task, actor, 'task.draft-saved', (current) => {
      assertCanComplete(actor, current);
      return { ...current, draft };
    });
  }

  async completeTask(taskId: string, variables: Record<string, unknown>, actor: Actor) {
    const task = this.openTask(taskId);
    assertCanComplete(actor, task);
    const result = validateSubmission(task.form, variables, 'json');
    if (!result.ok) throw new AppError('validation_failed', undefined, result.errors);
    await this.parts.transitions.withEngine(task.instanceId, actor.username, async (session, summary) => {
      const current = summary.tasks.find((t) => t.id === taskId);
      if (!current) throw new AppError('task_closed');
      assertCanComplete(actor, current);
      await session.completeTask(current, result.values);
    });
  }

  async deliverMessage(instanceId: string, messageName: string, variables: Record<string, unknown>, actor: Actor) {
    const summary = this.summary(instanceId);
    const model = this.parts.registry.get(summary.processKey, summary.version)!.model;
    const message = model.messages.get(messageName) ?? [...model.messages.values()].find((m) => m.name === messageName);
    if (!message) throw new AppError('not_found', `Processen känner inte till meddelandet "${messageName}".`);
    await this.parts.transitions.withEngine(instanceId, actor.username, async (session) => {
      const delivered = await session.deliverMessage(message, variables);
      if (!delivered) throw new AppError('conflict', `Ärendet väntar inte på meddelandet "${message.name}" just nu.`);
    });
  }

  listInbox(actor: Actor) {
    const all = actor.roles.includes('admin');
    // Newest first; bevakningar sent in the same step share their time and keep the order they were sent in (reversed).
    return [...this.parts.index.all()]
      .flatMap((s) => s.bevakningar.map((b, order) => ({ b, order })))
      .filter(({ b }) => all || actor.roles.includes(b.group))
      .sort((x, y) => y.b.createdAt.localeCompare(x.b.createdAt) || x.b.instanceId.localeCompare(y.b.instanceId) || y.order - x.order)
      .map(({ b }) => b);
  }

  getBevakning(id: string, actor: Actor): BevakningDetail {
    const { bevakning, summary } = this.bevakning(id, actor);
    return { ...bevakning, instance: { ...toInstanceListItem(summary), active: summary.active } };
  }

  /** The first reader in the group marks it read for the group; later reads change nothing. */
  async markBevakningRead(id: string, actor: Actor): Promise<void> {
    const { bevakning, summary } = this.bevakning(id, actor);
    if (bevakning.readAt) return;
    await this.parts.transitions.withoutEngine(summary.id, (current, nextSeq) => {
      const at = this.parts.clock.now().toISOString();
      const bevakningar = current.bevakningar.map((b) => (b.id === id && !b.readAt ? { ...b, readAt: at } : b));
      const entry = { seq: nextSeq, at, type: 'bevakning.read', elementId: null, elementName: null, actor: actor.username, data: { bevakningId: id, group: bevakning.group } };
      return { summary: { ...current, bevakningar }, entries: [entry] };
    });
  }

  private bevakning(id: string, actor: Actor) {
    for (const summary of this.parts.index.all()) {
      const bevakning = summary.bevakningar.find((b) => b.id === id);
      if (!bevakning) continue;
      if (!actor.roles.includes('admin') && !actor.roles.includes(bevakning.group)) break;
      return { bevakning, summary };
    }
    throw new AppError('not_found', 'Bevakningen finns inte i din inkorg.');
  }

  housingRegister(): HousingView {
    return toHousingView(this.parts.housing.state);
  }

  async seedHousing(seed: HousingSeed): Promise<void> {
    const { units, apartments } = this.parts.housing.state;
    let events;
    try {
      events = seedEvents(seed, { unitIds: new Set(units.keys()), apartmentIds: new Set(apartments.keys()) });
    } catch (err) {
      if (err instanceof HousingSeedError) throw new AppError(err.kind, err.message);
      throw err;
    }
    await this.parts.housing.setUp(events, () => this.parts.clock.now());
  }

  ivoReport(quarter: string): IvoReport {
    const period = parseQuarter(quarter, this.parts.ivoConfig);
    if (!period) throw new AppError('bad_request', 'Ange kvartalet som ÅÅÅÅQn, till exempel 2027Q1.');
    const cases = [...this.parts.index.all()].map((summary) => ({
      summary,
      properties: this.parts.registry.get(summary.processKey, summary.version)?.model.properties ?? {},
    }));
    return buildIvoReport(cases, period, this.parts.ivoConfig);
  }

  waitingTimes(): WaitingTime[] {
    const times: WaitingTime[] = [];
    for (const summary of this.parts.index.all()) {
      const properties = this.parts.registry.get(summary.processKey, summary.version)?.model.properties ?? {};
      const text = (name: string) => (typeof summary.variables[name] === 'string' && summary.variables[name] ? (summary.variables[name] as string) : undefined);
      const lag = text('lag') ?? properties.lag;
      const beslutsdatum = text('beslutsdatum');
      // The same cases as the IVO report: a change of housing is no new decision, a handed-over case is counted by its successor.
      if ((lag !== 'LSS' && lag !== 'SoL') || !beslutsdatum || text('ursprung') === 'byteAvBoende') continue;
      if (summary.caseEvents.some((e) => e.type === 'overlamnad')) continue;
      const first = (type: string) => summary.caseEvents.filter((e) => e.type === type).map((e) => e.date).sort()[0] ?? null;
      const insats = text('insats') ?? properties.insats ?? summary.processKey;
      times.push({ processKey: summary.processKey, insats, lag, beslutsdatum, verkstalltDatum: first('verkstallt'), avslutatDatum: first('avslutat') });
    }
    return times.sort((a, b) => a.beslutsdatum.localeCompare(b.beslutsdatum) || a.insats.localeCompare(b.insats, 'sv'));
  }

  clockNow() {
    return { now: this.parts.clock.now().toISOString(), mode: this.parts.clock.mode };
  }

  async moveClock(move: ClockMove) {
    const clock = this.parts.clock;
    if (clock.mode !== 'manual') throw new AppError('clock_not_manual');
    const { unfired } = await this.parts.scheduler.moveManualClock(clock as ManualClock, (now) => clockTarget(now, move));
    await this.parts.store.settings.set(manualClockSetting, clock.now().toISOString());
    if (unfired) throw new AppError('internal', `Klockan flyttades men ${unfired} timer(s) kunde inte köras; de försöks igen vid nästa flytt.`);
    return { now: clock.now().toISOString() };
  }

  async close() {
    await this.parts.scheduler.stop();
    await this.parts.store.close();
  }

  private summary(id: string): InstanceSummary {
    const s = this.parts.index.get(id);
    if (!s) throw new AppError('not_found', 'Ärendet finns inte.');
    return s;
  }

  /** A change to one open task's record, checked again under the instance lock, with one history entry without data. */
  private async changeTask(task: TaskRecord, actor: Actor, type: string, change: (current: TaskRecord) => TaskRecord) {
    await this.parts.transitions.withoutEngine(task.instanceId, (summary, nextSeq) => {
      const current = summary.tasks.find((t) => t.id === task.id);
      if (!current) throw new AppError('task_closed');
      const tasks = summary.tasks.map((t) => (t === current ? change(current) : t));
      const entry = { seq: nextSeq, at: this.parts.clock.now().toISOString(), type, elementId: task.elementId, elementName: task.name, actor: actor.username, data: null };
      return { summary: { ...summary, tasks }, entries: [entry] };
    });
  }

  private openTask(taskId: string) {
    const task = this.parts.index.task(taskId);
    if (!task) throw new AppError('task_closed');
    return task;
  }
}

/** Only the assignee gives a task back (or an admin, for someone who is away). */
function assertCanUnclaim(actor: Actor, task: TaskRecord): void {
  if (task.assignee && task.assignee !== actor.username && !actor.roles.includes('admin')) {
    throw new AppError('forbidden', 'Bara den som har tagit uppgiften kan lämna tillbaka den.');
  }
  if (!task.assignee && !actor.roles.includes('admin') && !inGroups(actor, task.candidateGroups)) {
    throw new AppError('forbidden', 'Bara den roll som uppgiften gäller kan lämna tillbaka den.');
  }
}

/** A draft holds the editable fields' values as typed (text, number or yes/no), empty ones left out; nothing else. */
function toDraft(form: readonly FormField[], values: Record<string, unknown>): Record<string, unknown> {
  const editable = new Set(form.filter((f) => !f.readonly).map((f) => f.id));
  const draft: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!editable.has(key)) errors.push({ field: key, message: fieldMessages.unknown });
    else if (typeof value === 'string' ? value.length > maxStringLength : typeof value !== 'number' && typeof value !== 'boolean') {
      errors.push({ field: key, message: fieldMessages.text });
    } else if (value !== '') draft[key] = value;
  }
  if (errors.length) throw new AppError('validation_failed', undefined, errors);
  return draft;
}

/** Where a clock move ends, from the time it starts at; never backwards. */
function clockTarget(now: Date, move: ClockMove): Date {
  let to: Date;
  try {
    to = 'advance' in move ? addDuration(now, move.advance) : new Date(move.to);
  } catch (err) {
    throw new AppError('bad_request', err instanceof TimerError ? err.message : 'Ogiltig varaktighet.');
  }
  if (Number.isNaN(to.getTime())) throw new AppError('bad_request', 'Ogiltig tidpunkt.');
  if (to < now) throw new AppError('bad_request', 'Klockan kan inte flyttas bakåt.');
  return to;
}
