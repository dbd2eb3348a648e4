// What the housing register's journal holds, and the append-only log it is kept in; a store's journal satisfies it.
import type { HousingEvent } from './housing-events.js';

/** The append-only log the register is written to before the instance that changed it; read whole at boot. */
export interface HousingJournal {
  readAll(): Promise<unknown[]>;
  /** Appends the records durably, in order. */
  append(records: unknown[]): Promise<void>;
  /** Replaces the records with `change(records)` atomically (gallring only); `null` changes nothing. */
  rewrite(change: (records: unknown[]) => unknown[] | null): Promise<void>;
}

/** One applied change; `instanceId` and `rev` name the instance transition it belongs to (null: set-up data). */
export interface HousingRecord {
  seq: number;
  at: string;
  transitionId: string;
  instanceId: string | null;
  rev: number | null;
  event: HousingEvent;
}

/** Written when a transition that had changed the register was not stored after all. */
export interface HousingVoid {
  void: string;
}
