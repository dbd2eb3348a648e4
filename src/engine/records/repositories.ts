// What the engine needs from a store: its definitions and its instances. Store adapters implement these (src/store/).
import type { DefinitionVersion } from './definition-version.js';
import type { HistoryEntry, InstanceDocument, InstanceSummary } from './instance-records.js';
import type { RegisterBatch } from '../../housing/index.js';

export interface DefinitionRepository {
  list(): Promise<DefinitionVersion[]>;
  getSource(key: string, version: number): Promise<string>;
  add(version: DefinitionVersion, source: string): Promise<void>;
}

export interface InstanceRepository {
  /** Every instance's summary; read at boot to build the in-memory indexes. */
  listSummaries(): Promise<InstanceSummary[]>;
  /** A document of its own each call: the engine recovers from it and may change it. */
  load(id: string): Promise<InstanceDocument | null>;
  /**
   * Stores one transition atomically: the document is the commit point and resolves the promise once durable; its
   * `lastEntries` are then appended to the instance's history (and `history(id)` waits for that). Rejects with
   * StaleRevisionError when the stored rev is not `expectedRev` (null = new instance).
   */
  save(doc: InstanceDocument, expectedRev: number | null): Promise<void>;
  /**
   * Only a store several servers share: `save` and the register changes the transition made, in one transaction, but
   * only if no other server changed the register since this one read it up to `registerBatch.basis` (otherwise
   * RegisterChangedError, and nothing is stored). A store without it has the changes appended before `save`.
   */
  saveWithRegister?(doc: InstanceDocument, expectedRev: number | null, registerBatch: RegisterBatch): Promise<void>;
  /** The whole history of one instance, oldest first. */
  history(id: string): Promise<HistoryEntry[]>;
}

/** Thrown by `save` when another transition got there first. */
export class StaleRevisionError extends Error {
  constructor(readonly instanceId: string) {
    super(`Instance ${instanceId} was changed by another transition`);
    this.name = 'StaleRevisionError';
  }
}

