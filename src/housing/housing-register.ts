// The register in memory, rebuilt at boot from its journal; changed only through transactions of process steps. On a
// store several servers share, it also follows what the others write (`catchUp`) and saves only from a current copy.
import { randomUUID } from 'node:crypto';
import { Mutex } from 'async-mutex';
import { RegisterChangedError, type RegisterBatch } from './register-batch.js';
import type { HousingJournal, HousingRecord, HousingVoid } from './housing-journal.js';
import { applyHousingEvent, type HousingEvent } from './housing-events.js';
import { emptyHousingState, type HousingState } from './housing-model.js';
import { forgetInJournal, forgetInState } from './housing-forget.js';
import { HousingTransaction } from './housing-transaction.js';
import { SharedRegisterFollower, type SharedRegisterPort, type RegisterRow } from './shared-register-follower.js';

export class HousingRegister {
  readonly state: HousingState = emptyHousingState();
  private seq = 0;
  /** The highest record seq stored: a transaction stores only records above it, so the journal's order is theirs. */
  private storedSeq = 0;
  private readonly storing = new Mutex();
  private readonly follower: SharedRegisterFollower | null;

  constructor(
    private readonly journal: HousingJournal,
    shared: SharedRegisterPort | null = null,
  ) {
    this.follower =
      shared &&
      new SharedRegisterFollower(shared, {
        apply: (record) => this.applyStored(record),
        forget: (ids) => forgetInState(this.state, ids),
        replaceWith: (rows) => this.replaceWith(rows),
      });
  }

  /** Where this copy stands in the shared journal (0 on the embedded store). */
  get position(): number {
    return this.follower?.position ?? 0;
  }

  /**
   * Replays the journal. Changes are written before their instance's document, so a change whose transition was not
   * stored (its rev is above the instance's stored rev, or it was voided) is left out. Such an orphan (a crash between
   * the journal and the document) is voided now, before any step runs: the case's next stored step takes the same rev,
   * and would otherwise bring the orphan back at the following start. A shared store gives the rows (read in the same
   * snapshot as the summaries) and their position.
   */
  async load(storedRevs: ReadonlyMap<string, number>, rows?: readonly RegisterRow[]): Promise<void> {
    const orphans = this.replay(this.state, rows ? rows.map((row) => row.record) : await this.journal.readAll(), storedRevs);
    this.storedSeq = this.seq;
    if (rows?.length) this.follower?.startAt(rows.at(-1)!.position);
    if (orphans.size) await this.journal.append([...orphans].map((transitionId): HousingVoid => ({ void: transitionId })));
  }

  /** Shared store: what other servers wrote since this copy's position, applied once no transaction of ours is open. */
  async catchUp(rows: readonly RegisterRow[]): Promise<void> {
    await this.follower?.receive(rows);
  }

  /** A transaction for one instance transition; `rev` is the rev the instance gets if the transition is stored. */
  begin(instanceId: string | null, rev: number | null, now: () => Date, basis = this.position): HousingTransaction {
    const transitionId = randomUUID();
    this.follower?.opened(transitionId);
    return new HousingTransaction({
      transitionId,
      instanceId,
      rev,
      now,
      nextSeq: () => ++this.seq,
      apply: (event) => applyHousingEvent(this.state, event),
      journal: this.journal,
      withSave: this.follower !== null,
      basis,
      onEnd: (takenBack) => this.follower?.closed(transitionId, takenBack),
    });
  }

  /**
   * Shared store: stores `batch` by `save` (the instance's save, or a plain append) one at a time, and only if its
   * records come after every record stored so far, so the journal's order is the order they were applied in here.
   */
  async store(batch: RegisterBatch, save: () => Promise<void>): Promise<void> {
    const records = batch.records as HousingRecord[];
    const { transitionId, instanceId } = records[0]!;
    await this.follower?.turn(transitionId, instanceId);
    await this.storing.runExclusive(async () => {
      if (records[0]!.seq <= this.storedSeq) throw new RegisterChangedError(instanceId ?? '(registret)');
      await save();
      this.storedSeq = records.at(-1)!.seq;
      this.follower?.stored(transitionId);
    });
  }

  /**
   * Gallring: the culled cases' names, needs and reasons leave the journal on disk (rewritten whole) and the register
   * in memory. Safe to repeat: a run that stopped between culling cases and this finds them again next time. On a
   * shared store the other servers are told which cases to forget in their copies.
   */
  async forget(culledInstanceIds: ReadonlySet<string>): Promise<void> {
    if (!culledInstanceIds.size) return;
    let changed = false;
    await this.journal.rewrite((records) => {
      const forgotten = forgetInJournal(records, culledInstanceIds);
      changed = forgotten !== null;
      return forgotten;
    });
    forgetInState(this.state, culledInstanceIds);
    // Only when the journal held something of theirs: a gallring run names every culled case, most long forgotten.
    if (this.follower && changed) await this.journal.append([{ forgotten: [...culledInstanceIds] }]);
  }

  /** Set-up data (units, apartments) outside any process: applied and written at once. */
  async setUp(events: HousingEvent[], now: () => Date): Promise<void> {
    const transaction = this.begin(null, null, now);
    try {
      for (const event of events) transaction.emit(event);
      const batch = transaction.batch();
      if (batch) await this.store(batch, () => this.follower!.append(batch));
      else await transaction.flush();
      transaction.stored();
    } catch (err) {
      await transaction.abort();
      throw err;
    }
  }

  /** A rebuild from the shared journal (after a transaction that overlapped others was taken back). */
  private replaceWith(rows: readonly RegisterRow[]): void {
    // The rows hold gallring's changes already (rewritten in place): the markers are only news for copies kept since.
    const fresh = emptyHousingState();
    this.replay(fresh, rows.map((row) => row.record), null);
    for (const key of Object.keys(fresh) as (keyof HousingState)[]) {
      const target = this.state[key] as Map<string, unknown>;
      target.clear();
      for (const [id, value] of fresh[key]) target.set(id, value);
    }
    this.storedSeq = Math.max(this.storedSeq, this.seq);
  }

  /**
   * Applies the journal's records to `target` in seq order, leaving out the voided ones and (given the stored revs)
   * the orphans, which it answers.
   */
  private replay(target: HousingState, journal: readonly unknown[], storedRevs: ReadonlyMap<string, number> | null): Set<string> {
    const all = journal as (HousingRecord | HousingVoid)[];
    const voided = new Set(all.filter((r): r is HousingVoid => 'void' in r).map((r) => r.void));
    const records = all.filter((r): r is HousingRecord => 'event' in r).sort((a, b) => a.seq - b.seq);
    const orphans = new Set<string>();
    for (const record of records) {
      this.seq = Math.max(this.seq, record.seq);
      if (voided.has(record.transitionId)) continue;
      if (storedRevs && record.instanceId !== null && (storedRevs.get(record.instanceId) ?? 0) < (record.rev ?? 0)) {
        orphans.add(record.transitionId);
        continue;
      }
      applyHousingEvent(target, record.event);
    }
    return orphans;
  }

  /** A record another server stored: applied, and its seq taken as stored, so ours come after it. */
  private applyStored(record: HousingRecord): void {
    applyHousingEvent(this.state, record.event);
    this.seq = Math.max(this.seq, record.seq);
    this.storedSeq = Math.max(this.storedSeq, record.seq);
  }
}
