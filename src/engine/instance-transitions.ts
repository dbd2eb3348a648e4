// Lock → load → act → store for one instance at a time; a failure before the store leaves the previous state intact.
import { Mutex } from 'async-mutex';
import { AppError } from '../errors.js';
import type { HandlerLogger, ServiceHandler } from '../handlers/index.js';
import { StaleRevisionError, type HistoryEntry, type InstanceDocument, type InstanceRepository, type InstanceSummary } from './records/index.js';
import type { Clock } from '../timers/index.js';
import type { DefinitionRegistry } from './definitions/definition-registry.js';
import type { InstanceIndex } from './instance-index.js';
import { waitsForMessage } from './definitions/process-model.js';
import { InstanceSession, type SessionDeps } from './execution/instance-session.js';
import { SessionCache } from './session-cache.js';
import { failedServiceTask } from './execution/failed-service-task.js';
import { reviveFailedEngineState } from './execution/revive-failed-state.js';
import { withTaskHolders } from './execution/task-holders.js';
import type { HousingRegister } from '../housing/index.js';

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
}

export class InstanceTransitions {
  private readonly locks = new Map<string, Mutex>();
  private readonly cache: SessionCache;
  private relay: ((senderId: string) => Promise<void>) | null = null;
  private callHook: ((stored: InstanceSummary) => Promise<void>) | null = null;

  constructor(private readonly deps: TransitionDeps) {
    this.cache = new SessionCache(deps.engineCacheSize);
  }

  /**
   * Who delivers the messages a stored transition sent to other cases; called after the sender's lock is released, so
   * the receiver may answer back at once.
   */
  onOutbox(relay: (senderId: string) => Promise<void>): void {
    this.relay = relay;
  }

  /** Who starts, finishes with and ends the child cases of call activities once a transition that needs it is stored. */
  onStoredCalls(hook: (stored: InstanceSummary) => Promise<void>): void {
    this.callHook = hook;
  }

  /** Starts a new instance from its prepared summary (rev 0) and stores its first transition. */
  async start(summary: InstanceSummary, actor: string): Promise<InstanceSummary> {
    return this.relayed(
      await this.locked(summary.id, async () => {
        const session = await InstanceSession.start(this.sessionDeps(summary), summary, actor);
        return this.storeOrUndo(session, () => session.toDocument(), null);
      }),
    );
  }

  /** Hydrates the instance, lets `act` drive it, and stores the result if anything happened. */
  /**
   * `keepEngine: false` for a step nobody waits on (a timer firing): its engine is not kept afterwards, so a burst of
   * due timers neither evicts the engines of cases people work on nor keeps thousands alive for the collector.
   */
  async withEngine(id: string, actor: string, act: (session: InstanceSession, summary: InstanceSummary) => Promise<void>, { keepEngine = true } = {}): Promise<InstanceSummary> {
    const stored = await this.driven(id, actor, act);
    if (!keepEngine) this.cache.forget(id);
    return this.relayed(stored);
  }

  private async relayed(stored: InstanceSummary): Promise<InstanceSummary> {
    if (stored.outbox?.length && this.relay) await this.relay(stored.id);
    if ((stored.calls?.length || stored.calledBy) && this.callHook) await this.callHook(stored);
    return stored;
  }

  private async driven(id: string, actor: string, act: (session: InstanceSession, summary: InstanceSummary) => Promise<void>): Promise<InstanceSummary> {
    return this.locked(id, async () => {
      const indexed = this.deps.index.get(id);
      const kept = indexed?.state === 'running' ? this.cache.take(id, indexed.rev) : undefined;
      let session: InstanceSession;
      let base: InstanceSummary;
      if (kept) {
        ({ session } = kept);
        base = indexed!;
        session.begin(base, actor, kept.lastSeq + 1);
      } else {
        const doc = await this.loadRunning(id);
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
      return this.storeOrUndo(session, () => session.toDocument(), base);
    });
  }

  /**
   * A case an earlier version stored as `failed` when a service task threw: its engine state is turned back into one
   * running that step, recorded as `instance.revived`, and the step runs again at once: the case goes on, or waits at
   * an incident. False (the case stays failed) when its history names no service task that stopped it, or the stored
   * state is not one we can revive.
   */
  async reviveFailed(id: string): Promise<boolean> {
    const revived = await this.locked(id, async () => {
      const doc = await this.loadAny(id);
      if (doc.summary.state !== 'failed') return false;
      const model = this.deps.registry.get(doc.summary.processKey, doc.summary.version)?.model;
      const stopped = model && failedServiceTask(await this.deps.instances.history(id), model.serviceTasks);
      const engineState = stopped && reviveFailedEngineState(doc.engineState, stopped.elementId);
      if (!stopped || !engineState) return false;
      const entry: HistoryEntry = {
        seq: (doc.lastEntries.at(-1)?.seq ?? 0) + 1,
        at: this.deps.clock.now().toISOString(),
        type: 'instance.revived',
        elementId: stopped.elementId,
        elementName: model.elements.get(stopped.elementId)?.name ?? stopped.elementId,
        actor: 'system',
        data: { message: stopped.message },
      };
      const summary: InstanceSummary = { ...doc.summary, state: 'running', endedAt: null, rev: doc.summary.rev + 1 };
      await this.store(null, { summary, engineState, lastEntries: [entry] }, doc.summary);
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
    return this.locked(id, async () => {
      const doc = endedToo ? await this.loadAny(id) : await this.loadRunning(id);
      if (doc.summary.culled) throw new AppError('conflict', 'Ärendet är gallrat och kan inte ändras.');
      const nextSeq = (doc.lastEntries.at(-1)?.seq ?? 0) + 1;
      const { summary, entries } = change(doc.summary, nextSeq);
      // A change without history entries keeps the last one, so the next transition's entries number on from it.
      const lastEntries = entries.length ? entries : doc.lastEntries.slice(-1);
      const stored = await this.store(null, { summary: { ...summary, rev: doc.summary.rev + 1 }, engineState: doc.engineState, lastEntries }, doc.summary);
      this.cache.advance(id, doc.summary.rev, stored.rev, entries.at(-1)?.seq ?? nextSeq - 1);
      return stored;
    });
  }

  /**
   * Gallring: an ended case becomes the stub `cull` makes of its summary, its engine state is dropped, and the store
   * takes the values out of its history as it appends `entry`. False when the case is not ended or already culled.
   */
  async cull(id: string, cull: (summary: InstanceSummary, nextSeq: number) => { summary: InstanceSummary; entry: HistoryEntry } | null): Promise<boolean> {
    return this.locked(id, async () => {
      const doc = await this.loadAny(id);
      if (doc.summary.culled || (doc.summary.state !== 'completed' && doc.summary.state !== 'cancelled')) return false;
      const culled = cull(doc.summary, (doc.lastEntries.at(-1)?.seq ?? 0) + 1);
      if (!culled) return false;
      await this.store(null, { summary: { ...culled.summary, rev: doc.summary.rev + 1 }, engineState: null, lastEntries: [culled.entry] }, doc.summary);
      this.cache.forget(id);
      return true;
    });
  }

  private async loadRunning(id: string): Promise<InstanceDocument> {
    const doc = await this.loadAny(id);
    if (doc.summary.state !== 'running') throw new AppError('instance_not_running');
    return doc;
  }

  private async loadAny(id: string): Promise<InstanceDocument> {
    const doc = await this.deps.instances.load(id);
    if (!doc) throw new AppError('not_found', 'Ärendet finns inte.');
    return doc;
  }

  /** Register changes are written first, then the document; if that fails, the changes are taken back. */
  private async storeOrUndo(session: InstanceSession, document: () => Promise<InstanceDocument>, previous: InstanceSummary | null): Promise<InstanceSummary> {
    try {
      const doc = await document();
      await session.flushEffects();
      return await this.store(session, doc, previous);
    } catch (err) {
      await session.abortEffects();
      throw err;
    }
  }

  /** Every stored summary passes here (`previous`: the one it replaces, null at the start), so it gets its task holders here. */
  private async store(session: InstanceSession | null, produced: InstanceDocument, previous: InstanceSummary | null): Promise<InstanceSummary> {
    const doc = { ...produced, summary: withTaskHolders(previous, produced.summary, produced.lastEntries) };
    try {
      await this.deps.instances.save(doc, previous?.rev ?? null);
    } catch (err) {
      if (err instanceof StaleRevisionError) throw new AppError('conflict', 'Ärendet ändrades samtidigt av någon annan. Ladda om och försök igen.');
      throw err;
    }
    this.deps.index.put(doc.summary);
    if (session) this.cache.keep(doc.summary.id, session, doc.summary.rev, doc.lastEntries.at(-1)?.seq ?? 0);
    if (doc.summary.state === 'failed') {
      this.deps.logger.warn({ instanceId: doc.summary.id, processKey: doc.summary.processKey }, 'instance failed');
    }
    return doc.summary;
  }

  private sessionDeps(summary: InstanceSummary): SessionDeps {
    const definition = this.deps.registry.get(summary.processKey, summary.version);
    if (!definition) throw new Error(`definition ${summary.processKey} v${summary.version} is not loaded`);
    const refuseMessage = (to: string, message: string) => this.refuseMessage(summary.id, to, message);
    return { definition, housing: this.deps.housing, handlers: this.deps.handlers, clock: this.deps.clock, logger: this.deps.logger, refuseMessage };
  }

  /** Why case `to` cannot take `message` from case `from` now; null when it waits for it and nothing else is on its way. */
  private refuseMessage(from: string, to: string, message: string): string | null {
    const target = this.deps.index.get(to);
    if (!target || to === from) return 'Det mottagande ärendet finns inte.';
    if (target.state !== 'running') return 'Det mottagande ärendet är avslutat.';
    const model = this.deps.registry.get(target.processKey, target.version)?.model;
    const declared = model?.messages.get(message);
    if (!model || !declared) return `Det mottagande ärendets process känner inte till meddelandet "${message}".`;
    if (!waitsForMessage(model, target.active, message)) return `Det mottagande ärendet väntar inte på "${declared.name}" just nu.`;
    // Two vacancies offering to the same person at once: the first one's message is on its way, the second is refused.
    for (const other of this.deps.index.all()) {
      if (other.outbox?.some((m) => m.to === to && m.message === message)) return `Det mottagande ärendet har redan fått "${declared.name}" från ett annat ärende.`;
    }
    return null;
  }

  private async locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    let mutex = this.locks.get(id);
    if (!mutex) this.locks.set(id, (mutex = new Mutex()));
    try {
      return await mutex.runExclusive(work);
    } finally {
      if (!mutex.isLocked()) this.locks.delete(id);
    }
  }
}
