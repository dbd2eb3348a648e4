// The storage port: what the runtime needs from a store. The lowdb adapter implements it; a PostgreSQL one can follow.
import type { FormField } from '../forms/form-field.js';

export type InstanceState = 'running' | 'completed' | 'cancelled' | 'failed';

/** One deployed version of a process key. The BPMN source is stored once per version, never per instance. */
export interface DefinitionVersion {
  key: string;
  version: number;
  name: string;
  /** sha256 of the BPMN source; decides whether an upload is a new version. */
  hash: string;
  deployedAt: string;
  deployedBy: string;
}

export interface TaskRecord {
  /** Globally unique and stable for one waiting of one task: `${instanceId}.${executionId}`. */
  id: string;
  instanceId: string;
  processKey: string;
  elementId: string;
  executionId: string;
  name: string;
  candidateGroups: string[];
  assignee: string | null;
  createdAt: string;
  due: string | null;
  form: FormField[];
  /** Values saved for later without completing the task (`saveTaskDraft`); absent until the first save. */
  draft?: Record<string, unknown>;
}

export interface TimerRecord {
  /** `${instanceId}.${executionId}` of the timer event definition's execution. */
  id: string;
  instanceId: string;
  elementId: string;
  executionId: string;
  dueAt: string;
}

export interface Bevakning {
  id: string;
  instanceId: string;
  group: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** `overlamnad`: the decision continues in another instance (e.g. internal → external placement), which reports it. */
export const caseEventTypes = ['erbjudande', 'avbojt', 'verkstallt', 'avslutat', 'avbrott', 'aterupptagen', 'drojsmal', 'overlamnad'] as const;
export type CaseEventType = (typeof caseEventTypes)[number];

/** A fact about the case for the reports (IVO): an offer, a decline, the day it was executed, … */
export interface CaseEvent {
  type: CaseEventType;
  /** The day it happened (YYYY-MM-DD). */
  date: string;
  reason: string | null;
  /** When it was recorded, by the clock. */
  at: string;
}

/** What the inbox, task list, scheduler and instance list need, kept small so boot reads only this. */
export interface InstanceSummary {
  id: string;
  processKey: string;
  version: number;
  businessKey: string | null;
  state: InstanceState;
  startedAt: string;
  endedAt: string | null;
  /** Increases by one with every stored transition; the optimistic lock. */
  rev: number;
  variables: Record<string, unknown>;
  active: { elementId: string; name: string }[];
  tasks: TaskRecord[];
  timers: TimerRecord[];
  bevakningar: Bevakning[];
  caseEvents: CaseEvent[];
}

export interface HistoryEntry {
  seq: number;
  at: string;
  type: string;
  elementId: string | null;
  elementName: string | null;
  actor: string | null;
  data: Record<string, unknown> | null;
}

export interface InstanceDocument {
  summary: InstanceSummary;
  /** bpmn-engine getState() output without the embedded source. */
  engineState: unknown;
  /** The history entries of the transition that produced this document (seq ascending). */
  lastEntries: HistoryEntry[];
}

export interface DefinitionRepository {
  list(): Promise<DefinitionVersion[]>;
  getSource(key: string, version: number): Promise<string>;
  add(version: DefinitionVersion, source: string): Promise<void>;
}

export interface InstanceRepository {
  /** Every instance's summary; read at boot to build the in-memory indexes. */
  listSummaries(): Promise<InstanceSummary[]>;
  load(id: string): Promise<InstanceDocument | null>;
  /**
   * Stores one transition atomically: the document is the commit point and resolves the promise once durable; its
   * `lastEntries` are then appended to the instance's history (and `history(id)` waits for that). Rejects with
   * StaleRevisionError when the stored rev is not `expectedRev` (null = new instance).
   */
  save(doc: InstanceDocument, expectedRev: number | null): Promise<void>;
  /** The whole history of one instance, oldest first. */
  history(id: string): Promise<HistoryEntry[]>;
}

export interface SettingsRepository {
  get<T>(name: string): Promise<T | null>;
  set<T>(name: string, value: T): Promise<void>;
}

/** An append-only log of JSON records (the housing register's changes, the access log), read whole. */
export interface JournalRepository {
  readAll(): Promise<unknown[]>;
  /** Appends the records durably, in order. */
  append(records: unknown[]): Promise<void>;
}

export interface Store {
  readonly definitions: DefinitionRepository;
  readonly housingJournal: JournalRepository;
  /** Who read which case, when: append-only, never rewritten (the auditor's access log). */
  readonly accessLog: JournalRepository;
  readonly instances: InstanceRepository;
  readonly settings: SettingsRepository;
  /** Takes the data directory's lock and repairs what a crash left; throws if another process owns it. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by `save` when another transition got there first. */
export class StaleRevisionError extends Error {
  constructor(readonly instanceId: string) {
    super(`Instance ${instanceId} was changed by another transition`);
    this.name = 'StaleRevisionError';
  }
}
