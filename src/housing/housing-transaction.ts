// The register changes of one instance transition: applied at once in memory, then written with the instance (a shared
// store: in the same database transaction) or before it (the embedded store), taken back (and voided in the journal)
// if the transition is not stored.
import type { HousingEvent } from './housing-events.js';
import type { HousingJournal, HousingRecord, HousingVoid } from './housing-journal.js';

interface TransactionDeps {
  transitionId: string;
  instanceId: string | null;
  rev: number | null;
  now: () => Date;
  nextSeq: () => number;
  apply: (event: HousingEvent) => () => void;
  journal: HousingJournal;
  /** Shared store: the records go with the instance's save (`batch`), never ahead of it. */
  withSave: boolean;
  /** Where this server's copy of the register stood when the transition began reading it. */
  basis: number;
  /** Called once when the transaction is stored or taken back (`takenBack`). */
  onEnd: (takenBack: boolean) => void;
}

export class HousingTransaction {
  private readonly records: HousingRecord[] = [];
  private readonly undos: (() => void)[] = [];
  private flushed = false;
  private ended = false;

  constructor(private readonly deps: TransactionDeps) {}

  get events(): HousingEvent[] {
    return this.records.map((r) => r.event);
  }

  /** Applies the change now, so the next check in this or any other transition sees it. */
  emit(event: HousingEvent): void {
    if (this.flushed || this.ended) throw new Error('housing transaction already written');
    const { transitionId, instanceId, rev } = this.deps;
    this.undos.push(this.deps.apply(event));
    this.records.push({ seq: this.deps.nextSeq(), at: this.deps.now().toISOString(), transitionId, instanceId, rev, event });
  }

  /** The records to save with the instance, on a shared store; null when there are none or they were written already. */
  batch(): { records: HousingRecord[]; basis: number } | null {
    return this.deps.withSave && this.records.length ? { records: [...this.records], basis: this.deps.basis } : null;
  }

  /** Writes the changes durably before the instance document (embedded store); a shared store's go with the save. */
  async flush(): Promise<void> {
    if (this.deps.withSave || this.flushed || !this.records.length) return;
    this.flushed = true;
    await this.deps.journal.append(this.records);
  }

  /** The instance was stored with these changes. */
  stored(): void {
    this.end(false);
  }

  /** The transition was not stored: take the changes back, and void them if they were already written. */
  async abort(): Promise<void> {
    for (const undo of this.undos.reverse()) undo();
    this.undos.length = 0;
    this.end(true);
    if (this.flushed) {
      const record: HousingVoid = { void: this.deps.transitionId };
      await this.deps.journal.append([record]);
    }
    this.records.length = 0;
  }

  private end(takenBack: boolean): void {
    if (this.ended) return;
    this.ended = true;
    this.deps.onEnd(takenBack);
  }
}
