// The storage port: everything a store adapter implements. The records and the repositories the engine needs are
// declared by the engine (src/engine/records/); the lowdb adapter implements them all, a PostgreSQL one can follow.
import type { DefinitionRepository, DefinitionVersion, InstanceRepository, InstanceSummary, TimerRecord } from '../engine/index.js';
import type { RegisterBatch } from '../housing/index.js';

export interface SettingsRepository {
  get<T>(name: string): Promise<T | null>;
  set<T>(name: string, value: T): Promise<void>;
  /**
   * Sets `change(current)` with no other change of the same setting in between, from any server on the store (a
   * read-modify-write such as adding a sign-out to the list); answers the value set.
   */
  update<T>(name: string, change: (current: T | null) => T): Promise<T>;
}

/** An append-only log of JSON records (the housing register's changes, the access log), read whole. */
export interface JournalRepository {
  readAll(): Promise<unknown[]>;
  /** Appends the records durably, in order. */
  append(records: unknown[]): Promise<void>;
  /**
   * Optional, for a journal kept in segments: those that may hold records timed (their `at`) in the range, newest
   * segment first, each in append order. They may hold records outside the range too; callers filter.
   */
  readSegments?(range: JournalRange): AsyncIterable<unknown[]>;
}

/** ISO instants: at or after `from`, before `to`; either open. */
export interface JournalRange {
  from?: string;
  to?: string;
}

/** A journal whose records may be rewritten in place, only to take out what gallring removes. */
export interface RewritableJournalRepository extends JournalRepository {
  /** Replaces every record with `change(records)` atomically; `null` changes nothing. */
  rewrite(change: (records: unknown[]) => unknown[] | null): Promise<void>;
}

/** Where a server left off reading what the servers on a shared database wrote. */
export interface ChangeCursor {
  /** The oldest transaction still running when it last read (pg_snapshot_xmin): later rows are read again. */
  transactionHorizon: string;
  /** The last housing register record it read, by its place in the journal. */
  registerPosition: number;
}

/** What the servers on a shared database wrote since a cursor (rows may come again; a reader skips what it has). */
export interface StoreChanges {
  cursor: ChangeCursor;
  /** The cases stored since, by rev: a reader fetches the summaries of those newer than its own (`summaries`). */
  instances: { id: string; rev: number }[];
  settings: { name: string; value: unknown }[];
  definitions: DefinitionVersion[];
  /** The housing register's records after the cursor's position, in journal order, with the server that wrote each. */
  register: { position: number; writer: string | null; record: unknown }[];
}

/** A store that several servers share (PostgreSQL): how each learns the others' work and shares the timers. */
export interface SharedStore {
  /** This server's name among those on the database (random per start), written beside its register records. */
  readonly serverId: string;
  /** Everything written since `cursor` (everything with null), read in one snapshot. */
  changesSince(cursor: ChangeCursor | null): Promise<StoreChanges>;
  /** The stored summaries of these cases. */
  summaries(ids: readonly string[]): Promise<InstanceSummary[]>;
  /**
   * Claims the due timers of the earliest due time at or before `until` (one per case, the lowest id first, at most
   * `limit`, none in `skip`), for this server alone for a while: a claim ends when the firing's save disarms the timer,
   * or lapses, so a server that dies holding it delays the timer, never loses it.
   */
  claimDueTimers(until: Date, limit: number, skip: ReadonlySet<string>): Promise<TimerRecord[]>;
  /** Register records outside any case (set-up data), appended only if nobody else changed the register since `basis`. */
  appendRegister(batch: RegisterBatch): Promise<void>;
  /** How many other servers have the store open now. */
  otherServers(): Promise<number>;
  /** `listener` is called when another server opens the store (before it stores anything), or this one's hold breaks. */
  onServerStarted(listener: () => void): void;
  /** The housing register's rows after `position`, in journal order (0: all, to rebuild a copy). */
  registerSince(position: number): Promise<StoreChanges['register']>;
}

export interface Store {
  readonly definitions: DefinitionRepository;
  readonly housingJournal: RewritableJournalRepository;
  /** Each gallring run: when, by whom, which cases under which rule (no personal data). */
  readonly gallringLog: JournalRepository;
  /** Who read which case, when: append-only, never rewritten (the auditor's access log). */
  readonly accessLog: JournalRepository;
  readonly instances: InstanceRepository;
  readonly settings: SettingsRepository;
  /** Present when several servers may share the store. */
  readonly shared?: SharedStore;
  /** Takes the data directory's lock and repairs what a crash left; throws if another process owns it. */
  open(): Promise<void>;
  close(): Promise<void>;
}
