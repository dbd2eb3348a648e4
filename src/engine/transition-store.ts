// Loads and saves the documents of the transitions: a stale revision is a conflict, the index and kept engines follow.
import { AppError } from '../errors.js';
import type { HandlerLogger } from '../handlers/index.js';
import { StaleRevisionError, type InstanceDocument, type InstanceRepository, type InstanceSummary } from './records/index.js';
import type { InstanceIndex } from './instance-index.js';
import type { InstanceSession } from './execution/instance-session.js';
import type { SessionCache } from './session-cache.js';
import { withTaskHolders } from './execution/task-holders.js';
import { RegisterChangedError, type HousingRegister } from '../housing/index.js';

/** The case was stored by another transition (on a shared store, maybe another server's) since this one read it. */
export class StaleTransitionError extends AppError {
  constructor() {
    super('conflict', 'Ärendet ändrades samtidigt av någon annan. Ladda om och försök igen.');
  }
}

export interface StoreDeps {
  instances: InstanceRepository;
  housing: HousingRegister;
  index: InstanceIndex;
  cache: SessionCache;
  logger: HandlerLogger;
}

export class TransitionStore {
  constructor(private readonly deps: StoreDeps) {}

  async loadRunning(id: string): Promise<InstanceDocument> {
    const doc = await this.loadAny(id);
    if (doc.summary.state !== 'running') throw new AppError('instance_not_running');
    return doc;
  }

  async loadAny(id: string): Promise<InstanceDocument> {
    const doc = await this.deps.instances.load(id);
    if (!doc) throw new AppError('not_found', 'Ärendet finns inte.');
    return doc;
  }

  /**
   * Register changes are written first, then the document (a shared store: both in one transaction); if that fails,
   * the changes are taken back.
   */
  async storeOrUndo(session: InstanceSession, document: () => Promise<InstanceDocument>, previous: InstanceSummary | null): Promise<InstanceSummary> {
    try {
      const doc = await document();
      await session.flushEffects();
      const stored = await this.store(session, doc, previous);
      session.effectsStored();
      return stored;
    } catch (err) {
      await session.abortEffects();
      throw err;
    }
  }

  /** Every stored summary passes here (`previous`: the one it replaces, null at the start), so it gets its task holders here. */
  async store(session: InstanceSession | null, produced: InstanceDocument, previous: InstanceSummary | null): Promise<InstanceSummary> {
    const doc = { ...produced, summary: withTaskHolders(previous, produced.summary, produced.lastEntries) };
    const { instances, housing } = this.deps;
    const expectedRev = previous?.rev ?? null;
    const batch = session?.registerBatch();
    try {
      if (batch && instances.saveWithRegister) await housing.store(batch, () => instances.saveWithRegister!(doc, expectedRev, batch));
      else await instances.save(doc, expectedRev);
    } catch (err) {
      if (err instanceof StaleRevisionError || err instanceof RegisterChangedError) throw new StaleTransitionError();
      throw err;
    }
    this.deps.index.put(doc.summary);
    if (session) this.deps.cache.keep(doc.summary.id, session, doc.summary.rev, doc.lastEntries.at(-1)?.seq ?? 0);
    if (doc.summary.state === 'failed') {
      this.deps.logger.warn({ instanceId: doc.summary.id, processKey: doc.summary.processKey }, 'instance failed');
    }
    return doc.summary;
  }
}
