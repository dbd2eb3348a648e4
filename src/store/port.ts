// The storage port: everything a store adapter implements. The records and the repositories the engine needs are
// declared by the engine (src/engine/records/); the lowdb adapter implements them all, a PostgreSQL one can follow.
import type { DefinitionRepository, InstanceRepository } from '../engine/index.js';

export interface SettingsRepository {
  get<T>(name: string): Promise<T | null>;
  set<T>(name: string, value: T): Promise<void>;
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

export interface Store {
  readonly definitions: DefinitionRepository;
  readonly housingJournal: RewritableJournalRepository;
  /** Each gallring run: when, by whom, which cases under which rule (no personal data). */
  readonly gallringLog: JournalRepository;
  /** Who read which case, when: append-only, never rewritten (the auditor's access log). */
  readonly accessLog: JournalRepository;
  readonly instances: InstanceRepository;
  readonly settings: SettingsRepository;
  /** Takes the data directory's lock and repairs what a crash left; throws if another process owns it. */
  open(): Promise<void>;
  close(): Promise<void>;
}
