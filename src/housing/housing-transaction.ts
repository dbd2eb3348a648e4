// The register changes of one instance transition: applied at once in memory, written before the instance is stored,
// taken back (and voided in the journal) if the transition is not stored.
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
}

export class HousingTransaction {
  private readonly records: HousingRecord[] = [];
  private readonly undos: (() => void)[] = [];
  private flushed = false;

  constructor(private readonly deps: TransactionDeps) {}

  get events(): HousingEvent[] {
    return this.records.map((r) => r.event);
  }

  /** Applies the change now, so the next check in this or any other transition sees it. */
  emit(event: HousingEvent): void {
    if (this.flushed) throw new Error('housing transaction already written');
    const { transitionId, instanceId, rev } = this.deps;
    this.undos.push(this.deps.apply(event));
    this.records.push({ seq: this.deps.nextSeq(), at: this.deps.now().toISOString(), transitionId, instanceId, rev, event });
  }

  /** Writes the changes durably; call before the instance document is stored. */
  async flush(): Promise<void> {
    if (this.flushed || !this.records.length) return;
    this.flushed = true;
    await this.deps.journal.append(this.records);
  }

  /** The transition was not stored: take the changes back, and void them if they were already written. */
  async abort(): Promise<void> {
    for (const undo of this.undos.reverse()) undo();
    this.undos.length = 0;
    if (this.flushed) {
      const record: HousingVoid = { void: this.deps.transitionId };
      await this.deps.journal.append([record]);
    }
    this.records.length = 0;
  }
}
