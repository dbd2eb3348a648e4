// The InstanceRepository on files: one document, one summary and one history file per instance.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { mapBounded } from './bounded-pool.js';
import { CorruptFileError, DurableJsonFile, readJsonFileWithText } from './durable-json-file.js';
import { appendHistory, healHistoryTail, readHistory, rewriteHistoryWithoutValues } from './history-file.js';
import { KeyedQueue } from './keyed-queue.js';
import { type HistoryEntry, type InstanceDocument, type InstanceRepository, type InstanceSummary, StaleRevisionError } from '../engine/index.js';
import { assertSafeName } from './safe-name.js';
import { documentRevFirst, readStoredRev, summaryRevFirst } from './stored-rev.js';
import type { SummarySnapshot } from './summary-snapshot.js';

const READ_CONCURRENCY = 64;
const SUMMARY_SUFFIX = '.summary.json';

/** Checks the store is open (and, for writes, that it still owns its data directory). */
export interface StoreGuard {
  readable(): void;
  writable(): void;
}

/** Instances under `instancesDir` and their histories under `historyDir`; saves of one instance run one at a time. */
export class InstanceFiles implements InstanceRepository {
  private readonly saves = new KeyedQueue();
  /** The stored rev of every instance saved or checked in this process; only set inside that instance's queue. */
  private readonly revs = new Map<string, number>();
  private readonly lastSeqs = new Map<string, number>();
  /** Instances whose document was stored but whose history or summary was not; finished before their next save. */
  private readonly unfinished = new Set<string>();
  /** Every instance's summary text as stored, once a listing has seen them all; what a clean close snapshots. */
  private texts: Map<string, string> | null = null;
  /** The summaries a clean close left, for the first listing after open. */
  private snapshotted: InstanceSummary[] | null = null;

  constructor(
    private readonly instancesDir: string,
    private readonly historyDir: string,
    private readonly guard: StoreGuard,
  ) {}

  documentFile(id: string): string {
    return path.join(this.instancesDir, `${id}.json`);
  }

  summaryFile(id: string): string {
    return path.join(this.instancesDir, `${id}${SUMMARY_SUFFIX}`);
  }

  historyFile(id: string): string {
    return path.join(this.historyDir, `${id}.jsonl`);
  }

  async listSummaries(): Promise<InstanceSummary[]> {
    this.guard.readable();
    const snapshotted = this.snapshotted;
    this.snapshotted = null;
    if (snapshotted) return snapshotted;
    const ids = (await readdir(this.instancesDir))
      .filter((name) => name.endsWith(SUMMARY_SUFFIX) && !name.startsWith('.'))
      .map((name) => name.slice(0, -SUMMARY_SUFFIX.length));
    // A save during the listing stores its text itself; a text read here only fills in the ones not saved meanwhile.
    const texts = new Map<string, string>();
    this.texts = texts;
    try {
      const summaries = await mapBounded(ids, READ_CONCURRENCY, (id) => this.readSummary(id, texts));
      return summaries.filter((summary): summary is InstanceSummary => summary !== null);
    } catch (error) {
      this.texts = null;
      throw error;
    }
  }

  /** A summary is derived data, so a damaged one is rebuilt from its document rather than stopping the boot. */
  private async readSummary(id: string, texts: Map<string, string>): Promise<InstanceSummary | null> {
    const file = this.summaryFile(id);
    const read = await readJsonFileWithText<InstanceSummary>(file).catch(async (error: unknown) => {
      if (!(error instanceof CorruptFileError) || !(await this.repair(id))) throw error;
      return readJsonFileWithText<InstanceSummary>(file);
    });
    if (read && !texts.has(id)) texts.set(id, read.text);
    return read?.value ?? null;
  }

  /** At open: what the last clean close left (its summaries serve the first listing), or null to list from the files. */
  adopt(snapshot: SummarySnapshot | null): void {
    this.texts = snapshot?.texts ?? null;
    this.snapshotted = snapshot?.summaries ?? null;
  }

  /** Every stored summary's text, when this process knows them all and every save has finished; else null. */
  snapshotTexts(): Iterable<string> | null {
    return this.texts && this.unfinished.size === 0 ? this.texts.values() : null;
  }

  async load(id: string): Promise<InstanceDocument | null> {
    this.guard.readable();
    assertSafeName(id, 'ärende-id (instance id)');
    const db = new Low<InstanceDocument | null>(new DurableJsonFile(this.documentFile(id)), null);
    await db.read();
    return db.data;
  }

  async save(doc: InstanceDocument, expectedRev: number | null): Promise<void> {
    this.guard.writable();
    const { id, rev } = doc.summary;
    assertSafeName(id, 'ärende-id (instance id)');
    if (!Number.isInteger(rev) || rev < 0 || (expectedRev !== null && rev <= expectedRev)) {
      throw new Error(`Instance ${id}: rev ${rev} must be an integer above the expected rev ${expectedRev}`);
    }
    // The document is the commit point and carries this transition's history entries, so the save is answered once
    // it is durable; history and summary follow in the same per-instance queue (repair redoes them after a crash).
    let committed!: () => void;
    let refused!: (error: unknown) => void;
    const answer = new Promise<void>((resolve, reject) => {
      committed = resolve;
      refused = reject;
    });
    void this.saves.run(id, async () => {
      let stored: InstanceDocument;
      try {
        stored = await this.commit(doc, expectedRev);
      } catch (error) {
        refused(error);
        return;
      }
      committed();
      await this.finish(stored).catch(() => undefined); // marked unfinished; redone before the next save
    });
    return answer;
  }

  async history(id: string): Promise<HistoryEntry[]> {
    this.guard.readable();
    assertSafeName(id, 'ärende-id (instance id)');
    return this.saves.run(id, () => readHistory(this.historyFile(id)));
  }

  /** Brings history and summary up to the stored document after a crash; false when there is no document. */
  repair(id: string): Promise<boolean> {
    return this.saves.run(id, () => this.finishStored(id));
  }

  /** Resolves when every save queued so far has settled. */
  idle(): Promise<void> {
    return this.saves.idle();
  }

  private async commit(doc: InstanceDocument, expectedRev: number | null): Promise<InstanceDocument> {
    const id = doc.summary.id;
    this.guard.writable();
    if (this.unfinished.has(id)) await this.finishStored(id);
    const storedRev = this.revs.has(id) ? this.revs.get(id) : await readStoredRev(this.documentFile(id));
    if (storedRev !== expectedRev) throw new StaleRevisionError(id);
    const stored = documentRevFirst(doc);
    try {
      await new Low(new DurableJsonFile<InstanceDocument>(this.documentFile(id)), stored).write();
    } catch (error) {
      this.revs.delete(id); // the rename may or may not have happened
      this.unfinished.add(id); // if it did, its history and summary are written before the next save
      throw error;
    }
    this.revs.set(id, doc.summary.rev);
    return stored;
  }

  private async finishStored(id: string): Promise<boolean> {
    const doc = await this.load(id);
    if (!doc) return false;
    this.lastSeqs.delete(id);
    await this.finish(doc);
    return true;
  }

  /**
   * After the commit point: append the transition's history entries (fsynced), then store the summary. The summary is
   * derived from the document, so it is not fsynced: crash repair and listSummaries rebuild a stale or damaged one.
   */
  private async finish(doc: InstanceDocument): Promise<void> {
    const id = doc.summary.id;
    try {
      const lastSeq = this.lastSeqs.get(id) ?? (await healHistoryTail(this.historyFile(id)));
      this.lastSeqs.delete(id);
      // History before summary, never side by side: boot repair trusts a current summary to mean a current history,
      // so a crash between the two must leave the summary behind (it once left a case's first steps out of its history).
      // A culled case's stub takes the values out of the whole history, not just adds its entry.
      const appendedSeq = doc.summary.culled
        ? await rewriteHistoryWithoutValues(this.historyFile(id), doc.lastEntries)
        : await appendHistory(this.historyFile(id), doc.lastEntries, lastSeq);
      this.lastSeqs.set(id, appendedSeq);
      const text = JSON.stringify(summaryRevFirst(doc.summary));
      await new DurableJsonFile<InstanceSummary>(this.summaryFile(id), { flush: false }).writeText(text);
      this.texts?.set(id, text);
      this.unfinished.delete(id);
    } catch (error) {
      this.unfinished.add(id);
      throw error;
    }
  }
}
