// Lock → load → act → store for one instance at a time; a failure before the store leaves the previous state intact.
import { Mutex } from 'async-mutex';
import { AppError } from '../errors.js';
import type { HandlerLogger, ServiceHandler } from '../handlers/handler.js';
import { StaleRevisionError, type HistoryEntry, type InstanceDocument, type InstanceRepository, type InstanceSummary } from '../store/port.js';
import type { Clock } from '../timers/clock.js';
import type { DefinitionRegistry } from './definition-registry.js';
import type { InstanceIndex } from './instance-index.js';
import { InstanceSession, type SessionDeps } from './instance-session.js';

export interface TransitionDeps {
  instances: InstanceRepository;
  index: InstanceIndex;
  registry: DefinitionRegistry;
  handlers: ReadonlyMap<string, ServiceHandler<unknown>>;
  clock: Clock;
  logger: HandlerLogger;
}

export class InstanceTransitions {
  private readonly locks = new Map<string, Mutex>();

  constructor(private readonly deps: TransitionDeps) {}

  /** Starts a new instance from its prepared summary (rev 0) and stores its first transition. */
  async start(summary: InstanceSummary, actor: string): Promise<InstanceSummary> {
    return this.locked(summary.id, async () => {
      const session = await InstanceSession.start(this.sessionDeps(summary), summary, actor);
      return this.store(await session.toDocument(), null);
    });
  }

  /** Hydrates the instance, lets `act` drive it, and stores the result if anything happened. */
  async withEngine(id: string, actor: string, act: (session: InstanceSession, summary: InstanceSummary) => Promise<void>): Promise<InstanceSummary> {
    return this.locked(id, async () => {
      const doc = await this.loadRunning(id);
      const session = await InstanceSession.resume(this.sessionDeps(doc.summary), doc, actor);
      await act(session, doc.summary);
      if (!session.recorder.entries.length && session.state === 'running') return doc.summary;
      return this.store(await session.toDocument(), doc.summary.rev);
    });
  }

  /** A change to our own records only (a claim): the engine state is kept as it is. */
  async withoutEngine(id: string, change: (summary: InstanceSummary, nextSeq: number) => { summary: InstanceSummary; entries: HistoryEntry[] }): Promise<InstanceSummary> {
    return this.locked(id, async () => {
      const doc = await this.loadRunning(id);
      const nextSeq = (doc.lastEntries.at(-1)?.seq ?? 0) + 1;
      const { summary, entries } = change(doc.summary, nextSeq);
      return this.store({ summary: { ...summary, rev: doc.summary.rev + 1 }, engineState: doc.engineState, lastEntries: entries }, doc.summary.rev);
    });
  }

  private async loadRunning(id: string): Promise<InstanceDocument> {
    const doc = await this.deps.instances.load(id);
    if (!doc) throw new AppError('not_found', 'Ärendet finns inte.');
    if (doc.summary.state !== 'running') throw new AppError('instance_not_running');
    return doc;
  }

  private async store(doc: InstanceDocument, expectedRev: number | null): Promise<InstanceSummary> {
    try {
      await this.deps.instances.save(doc, expectedRev);
    } catch (err) {
      if (err instanceof StaleRevisionError) throw new AppError('conflict', 'Ärendet ändrades samtidigt av någon annan. Ladda om och försök igen.');
      throw err;
    }
    this.deps.index.put(doc.summary);
    if (doc.summary.state === 'failed') {
      this.deps.logger.warn({ instanceId: doc.summary.id, processKey: doc.summary.processKey }, 'instance failed');
    }
    return doc.summary;
  }

  private sessionDeps(summary: InstanceSummary): SessionDeps {
    const definition = this.deps.registry.get(summary.processKey, summary.version);
    if (!definition) throw new Error(`definition ${summary.processKey} v${summary.version} is not loaded`);
    return { definition, handlers: this.deps.handlers, clock: this.deps.clock, logger: this.deps.logger };
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
