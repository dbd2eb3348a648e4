// Lock → load → act → store for one instance at a time; a failure before the store leaves the previous state intact.
import { AppError } from '../errors.js';
import type { HandlerLogger, ServiceHandler } from '../handlers/index.js';
import type { HistoryEntry, InstanceRepository, InstanceSummary } from './records/index.js';
import type { Clock } from '../timers/index.js';
import type { DefinitionRegistry } from './definitions/definition-registry.js';
import type { InstanceIndex } from './instance-index.js';
import { InstanceSession, type SessionDeps } from './execution/instance-session.js';
import { SessionCache } from './session-cache.js';
import type { HousingRegister } from '../housing/index.js';
import { AfterStore } from './after-store.js';
import { InstanceLocks } from './instance-locks.js';
import { refuseMessage } from './message-refusal.js';
import { revivedDocument } from './revived-document.js';
import { StaleTransitionError, TransitionStore } from './transition-store.js';

export interface TransitionDeps {
  instances: InstanceRepository;
  index: InstanceIndex;
  registry: DefinitionRegistry;
  handlers: ReadonlyMap<string, ServiceHandler<unknown>>;
  clock: Clock;
  logger: HandlerLogger;
  housing: HousingRegister;
  /** How many hydrated engines to keep between transitions (0 = none). */
  engineCacheSize: number;
  /**
   * Shared store: learns what other servers stored (the index, the register). A transition refused because another
   * server stored the case (or changed the register) first is done once more on what it learned.
   */
  catchUp?: () => Promise<void>;
}

export class InstanceTransitions {
  private readonly locks = new InstanceLocks();
  private readonly cache: SessionCache;
  private readonly store: TransitionStore;
  private readonly after = new AfterStore();

  constructor(private readonly deps: TransitionDeps) {
    this.cache = new SessionCache(deps.engineCacheSize);
    this.store = new TransitionStore({ instances: deps.instances, housing: deps.housing, index: deps.index, cache: this.cache, logger: deps.logger });
  }

  /**
   * Who delivers the messages a stored transition sent to other cases; called after the sender's lock is released, so
   * the receiver may answer back at once.
   */
  onOutbox(relay: (senderId: string) => Promise<void>): void {
    this.after.onOutbox(relay);
  }

  /** Who starts, finishes with and ends the child cases of call activities once a transition that needs it is stored. */
  onStoredCalls(hook: (stored: InstanceSummary) => Promise<void>): void {
    this.after.onStoredCalls(hook);
  }

  /** Starts a new instance from its prepared summary (rev 0) and stores its first transition. */
  async start(summary: InstanceSummary, actor: string): Promise<InstanceSummary> {
    const started = () =>
      this.locks.run(summary.id, async () => {
        const session = await InstanceSession.start(this.sessionDeps(summary), summary, actor);
        return this.store.storeOrUndo(session, () => session.toDocument(), null);
      });
    return this.after.follow(await this.onceMoreIfStale(started));
  }

  /** Hydrates the instance, lets `act` drive it, and stores the result if anything happened. */
  /**
   * `keepEngine: false` for a step nobody waits on (a timer firing): its engine is not kept afterwards, so a burst of
   * due timers neither evicts the engines of cases people work on nor keeps thousands alive for the collector.
   */
  async withEngine(id: string, actor: string, act: (session: InstanceSession, summary: InstanceSummary) => Promise<void>, { keepEngine = true } = {}): Promise<InstanceSummary> {
    const stored = await this.onceMoreIfStale(() => this.driven(id, actor, act));
    if (!keepEngine) this.cache.forget(id);
    return this.after.follow(stored);
  }

  private async driven(id: string, actor: string, act: (session: InstanceSession, summary: InstanceSummary) => Promise<void>): Promise<InstanceSummary> {
    return this.locks.run(id, async () => {
      const indexed = this.deps.index.get(id);
      const kept = indexed?.state === 'running' ? this.cache.take(id, indexed.rev) : undefined;
      let session: InstanceSession;
      let base: InstanceSummary;
      if (kept) {
        ({ session } = kept);
        base = indexed!;
        session.begin(base, actor, kept.lastSeq + 1);
      } else {
        const doc = await this.store.loadRunning(id);
        base = doc.summary;
        session = await InstanceSession.resume(this.sessionDeps(base), doc, actor);
      }
      try {
        await act(session, base);
      } catch (err) {
        await session.abortEffects();
        throw err;
      }
      if (!session.recorder.entries.length && session.state === 'running') {
        if (indexed?.rev !== base.rev) this.deps.index.put(base); // a save that failed after its commit point
        this.cache.keep(id, session, base.rev, session.recorder.lastSeq);
        return base;
      }
      return this.store.storeOrUndo(session, () => session.toDocument(), base);
    });
  }

  /**
   * A case an earlier version stored as `failed` when a service task threw: its engine state is turned back into one
   * running that step, recorded as `instance.revived`, and the step runs again at once: the case goes on, or waits at
   * an incident. False (the case stays failed) when its history names no service task that stopped it, or the stored
   * state is not one we can revive.
   */
  async reviveFailed(id: string): Promise<boolean> {
    const revived = await this.locks.run(id, async () => {
      const doc = await this.store.loadAny(id);
      if (doc.summary.state !== 'failed') return false;
      const model = this.deps.registry.get(doc.summary.processKey, doc.summary.version)?.model;
      const document = model && revivedDocument(doc, await this.deps.instances.history(id), model, this.deps.clock);
      if (!document) return false;
      await this.store.store(null, document, doc.summary);
      return true;
    });
    // Resuming runs the step again (bpmn-engine re-invokes a running service task); nothing else is asked of it.
    if (revived) await this.withEngine(id, 'system', async () => undefined);
    return revived;
  }

  /**
   * A change to our own records only (a claim): the engine state is kept as it is. `endedToo`: a record that outlives
   * the routine (a decision interrupted after its case ended) may change on an ended case as well.
   */
  async withoutEngine(id: string, change: (summary: InstanceSummary, nextSeq: number) => { summary: InstanceSummary; entries: HistoryEntry[] }, { endedToo = false } = {}): Promise<InstanceSummary> {
    return this.onceMoreIfStale(() => this.changed(id, change, endedToo));
  }

  private async changed(id: string, change: (summary: InstanceSummary, nextSeq: number) => { summary: InstanceSummary; entries: HistoryEntry[] }, endedToo: boolean): Promise<InstanceSummary> {
    return this.locks.run(id, async () => {
      const doc = endedToo ? await this.store.loadAny(id) : await this.store.loadRunning(id);
      if (doc.summary.culled) throw new AppError('conflict', 'Ärendet är gallrat och kan inte ändras.');
      const nextSeq = (doc.lastEntries.at(-1)?.seq ?? 0) + 1;
      const { summary, entries } = change(doc.summary, nextSeq);
      // A change without history entries keeps the last one, so the next transition's entries number on from it.
      const lastEntries = entries.length ? entries : doc.lastEntries.slice(-1);
      const stored = await this.store.store(null, { summary: { ...summary, rev: doc.summary.rev + 1 }, engineState: doc.engineState, lastEntries }, doc.summary);
      this.cache.advance(id, doc.summary.rev, stored.rev, entries.at(-1)?.seq ?? nextSeq - 1);
      return stored;
    });
  }

  /**
   * Gallring: an ended case becomes the stub `cull` makes of its summary, its engine state is dropped, and the store
   * takes the values out of its history as it appends `entry`. False when the case is not ended or already culled.
   */
  async cull(id: string, cull: (summary: InstanceSummary, nextSeq: number) => { summary: InstanceSummary; entry: HistoryEntry } | null): Promise<boolean> {
    return this.locks.run(id, async () => {
      const doc = await this.store.loadAny(id);
      if (doc.summary.culled || (doc.summary.state !== 'completed' && doc.summary.state !== 'cancelled')) return false;
      const culled = cull(doc.summary, (doc.lastEntries.at(-1)?.seq ?? 0) + 1);
      if (!culled) return false;
      await this.store.store(null, { summary: { ...culled.summary, rev: doc.summary.rev + 1 }, engineState: null, lastEntries: [culled.entry] }, doc.summary);
      this.cache.forget(id);
      return true;
    });
  }

  /** Only a shared store's transitions can be stale (one server's are taken in turn); learned from, then tried once more. */
  private async onceMoreIfStale<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof StaleTransitionError) || !this.deps.catchUp) throw err;
      await this.deps.catchUp();
      return work();
    }
  }

  private sessionDeps(summary: InstanceSummary): SessionDeps {
    const definition = this.deps.registry.get(summary.processKey, summary.version);
    if (!definition) throw new Error(`definition ${summary.processKey} v${summary.version} is not loaded`);
    const refuse = (to: string, message: string) => refuseMessage(this.deps, summary.id, to, message);
    return { definition, housing: this.deps.housing, handlers: this.deps.handlers, clock: this.deps.clock, logger: this.deps.logger, refuseMessage: refuse };
  }
}
