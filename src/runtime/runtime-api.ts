// What the web layer may ask of the process runtime: plain objects in and out, no HTTP and no engine types.
import type { FormField } from '../forms/form-field.js';
import type { CaseRead, CaseReadFilter, CaseReadKind } from '../audit/case-reads.js';
import type { Bevakning, HistoryEntry, InstanceState, InstanceSummary, TaskRecord } from '../engine/records/index.js';
import type { ClockMode } from '../timers/clock.js';
import type { HousingSeed } from '../housing/housing-seed.js';
import type { HousingView } from '../housing/housing-view.js';
import type { IvoReport } from '../reports/ivo-report.js';
import type { DefinitionDiff } from '../engine/definitions/definition-diff.js';
import type { EditedVersion } from '../engine/definitions/definition-registry.js';
import type { Actor } from '../auth/actor.js';

export interface ProcessListItem {
  key: string;
  name: string;
  version: number;
  deployedAt: string;
}

export interface ProcessDetail {
  key: string;
  name: string;
  version: number;
  versions: { version: number; deployedAt: string; deployedBy: string }[];
  startForm: FormField[];
  /** Roles that may start it (`camunda:candidateStarterGroups`); empty = any user. */
  starterGroups: string[];
}

export type InstanceListItem = Pick<InstanceSummary, 'id' | 'processKey' | 'version' | 'businessKey' | 'state' | 'startedAt' | 'endedAt'>;

export interface BevakningDetail extends Bevakning {
  instance: InstanceListItem & { active: { elementId: string; name: string }[] };
}

export interface InstanceView extends InstanceListItem {
  variables: Record<string, unknown>;
  active: { elementId: string; name: string }[];
}

/** A task as readers see it: the stored record without the engine's execution id. */
export type TaskView = Omit<TaskRecord, 'executionId'>;

export interface InstanceFilter {
  processKey?: string;
  state?: InstanceState;
  businessKey?: string;
}

export interface TaskFilter {
  instanceId?: string;
  group?: string;
  assignee?: string;
}

/** One favourable decision's wait from the decision to execution (the `verkstallt` case event), for the statistics. */
export interface WaitingTime {
  processKey: string;
  insats: string;
  lag: 'LSS' | 'SoL';
  beslutsdatum: string;
  /** The first `verkstallt` case event's day; null while it waits. */
  verkstalltDatum: string | null;
  /** The first `avslutat` case event's day: closed without (or after) execution. */
  avslutatDatum: string | null;
}

/** One finding of a diagram check; `elementId` is null when it concerns the whole file. */
export interface CheckFinding {
  elementId: string | null;
  message: string;
}

export interface DefinitionCheckResult {
  /** The process id found in the file, null when it could not be read. */
  key: string | null;
  problems: CheckFinding[];
  warnings: CheckFinding[];
}

export type ClockMove = { advance: string } | { to: string };

/**
 * The process runtime. Methods throw `AppError` (not_found, forbidden, validation_failed with fields,
 * task_closed, task_claimed, instance_not_running, clock_not_manual, invalid_definition) for expected failures.
 */
export interface RuntimeApi {
  listProcesses(): ProcessListItem[];
  getProcess(key: string): ProcessDetail;
  /**
   * Publishing from the editor names the routine (`key`: the diagram must keep that process id) and the version it
   * started from (`baseVersion`: conflict when a newer one was published meanwhile).
   */
  deploy(xml: string, actor: Actor, editing?: EditedVersion): Promise<{ key: string; version: number }>;
  /** Every check a publish runs, without publishing: problems stop a publish, warnings (bpmnlint's) do not. */
  checkDefinition(xml: string, expectedKey?: string): Promise<DefinitionCheckResult>;
  startInstance(key: string, input: { businessKey?: string; variables: Record<string, unknown> }, actor: Actor): Promise<{ id: string }>;
  listInstances(filter: InstanceFilter): InstanceListItem[];
  getInstance(id: string): InstanceView;
  getHistory(id: string): Promise<HistoryEntry[]>;
  /** The BPMN source of one deployed version of a process; not_found when there is no such version. */
  getDefinitionSource(key: string, version: number): Promise<string>;
  /** What changed from version `from` to version `to` of a process; not_found when either version does not exist. */
  compareVersions(key: string, from: number, to: number): Promise<DefinitionDiff>;
  /** Records one read of a case durably in the access log, at the runtime clock's time; resolves once stored. */
  recordCaseRead(read: { user: string; instanceId: string; kind: CaseReadKind }): Promise<void>;
  /** Reads of cases from the access log, newest first, at most `limit` (never more than 1000). */
  listCaseReads(filter: CaseReadFilter): Promise<CaseRead[]>;
  listTasks(filter: TaskFilter, actor: Actor): TaskView[];
  /** One open task the caller may see; task_closed when it is completed or gone, forbidden outside its groups. */
  getTask(taskId: string, actor: Actor): TaskView;
  claimTask(taskId: string, actor: Actor): Promise<void>;
  /** Gives a claimed task back to its groups; only its assignee or an admin may. Unclaimed: nothing happens. */
  unclaimTask(taskId: string, actor: Actor): Promise<void>;
  /**
   * Keeps the values of the task's editable fields for later without completing it (they need not be valid yet);
   * who may save is who may complete. The history records the save, never the values.
   */
  saveTaskDraft(taskId: string, values: Record<string, unknown>, actor: Actor): Promise<void>;
  completeTask(taskId: string, variables: Record<string, unknown>, actor: Actor): Promise<void>;
  deliverMessage(instanceId: string, messageName: string, variables: Record<string, unknown>, actor: Actor): Promise<void>;
  listInbox(actor: Actor): Bevakning[];
  /** One bevakning of the caller's groups with the instance it concerns; not_found otherwise. */
  getBevakning(id: string, actor: Actor): BevakningDetail;
  markBevakningRead(id: string, actor: Actor): Promise<void>;
  /** The housing register as it stands (reading it needs no process). */
  housingRegister(): HousingView;
  /** New units and apartments (demo data, tests, the register's admin); status changes come only from process steps. */
  seedHousing(seed: HousingSeed): Promise<void>;
  /** Decisions not executed within 3 months, for one quarter (`2027Q1`); bad_request for another label. */
  ivoReport(quarter: string): IvoReport;
  /** Every favourable LSS/SoL decision with its execution day, the cases the IVO report reads (handed-over ones excluded). */
  waitingTimes(): WaitingTime[];
  clockNow(): { now: string; mode: ClockMode };
  moveClock(move: ClockMove): Promise<{ now: string }>;
  close(): Promise<void>;
}
