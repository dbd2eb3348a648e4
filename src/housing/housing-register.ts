// The register in memory, rebuilt at boot from its journal; changed only through transactions of process steps.
import { randomUUID } from 'node:crypto';
import type { HousingJournal, HousingRecord, HousingVoid } from './housing-journal.js';
import { applyHousingEvent, type HousingEvent } from './housing-events.js';
import { emptyHousingState, type HousingState } from './housing-model.js';
import { forgetInJournal, forgetInState } from './housing-forget.js';
import { HousingTransaction } from './housing-transaction.js';

export class HousingRegister {
  readonly state: HousingState = emptyHousingState();
  private seq = 0;

  constructor(private readonly journal: HousingJournal) {}

  /**
   * Replays the journal. Changes are written before their instance's document, so a change whose transition was not
   * stored (its rev is above the instance's stored rev, or it was voided) is left out. Such an orphan (a crash between
   * the journal and the document) is voided now, before any step runs: the case's next stored step takes the same rev,
   * and would otherwise bring the orphan back at the following start.
   */
  async load(storedRevs: ReadonlyMap<string, number>): Promise<void> {
    const all = (await this.journal.readAll()) as (HousingRecord | HousingVoid)[];
    const voided = new Set(all.filter((r): r is HousingVoid => 'void' in r).map((r) => r.void));
    const records = all.filter((r): r is HousingRecord => 'event' in r).sort((a, b) => a.seq - b.seq);
    const orphans = new Set<string>();
    for (const record of records) {
      this.seq = Math.max(this.seq, record.seq);
      if (voided.has(record.transitionId)) continue;
      if (record.instanceId !== null && (storedRevs.get(record.instanceId) ?? 0) < (record.rev ?? 0)) {
        orphans.add(record.transitionId);
        continue;
      }
      applyHousingEvent(this.state, record.event);
    }
    if (orphans.size) await this.journal.append([...orphans].map((transitionId): HousingVoid => ({ void: transitionId })));
  }

  /** A transaction for one instance transition; `rev` is the rev the instance gets if the transition is stored. */
  begin(instanceId: string | null, rev: number | null, now: () => Date): HousingTransaction {
    return new HousingTransaction({
      transitionId: randomUUID(),
      instanceId,
      rev,
      now,
      nextSeq: () => ++this.seq,
      apply: (event) => applyHousingEvent(this.state, event),
      journal: this.journal,
    });
  }

  /**
   * Gallring: the culled cases' names, needs and reasons leave the journal on disk (rewritten whole) and the register
   * in memory. Safe to repeat: a run that stopped between culling cases and this finds them again next time.
   */
  async forget(culledInstanceIds: ReadonlySet<string>): Promise<void> {
    if (!culledInstanceIds.size) return;
    await this.journal.rewrite((records) => forgetInJournal(records, culledInstanceIds));
    forgetInState(this.state, culledInstanceIds);
  }

  /** Set-up data (units, apartments) outside any process: applied and written at once. */
  async setUp(events: HousingEvent[], now: () => Date): Promise<void> {
    const transaction = this.begin(null, null, now);
    for (const event of events) transaction.emit(event);
    await transaction.flush();
  }
}
