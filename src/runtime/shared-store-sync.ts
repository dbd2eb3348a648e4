// On a store several servers share: this server learns what the others stored (cases, diagrams, the manual clock, the
// housing register) before it answers a request or fires a timer, so what one server stored is what the next request,
// on any server, sees.
import type { DefinitionRegistry, InstanceIndex, InstanceSummary } from '../engine/index.js';
import type { HandlerLogger } from '../handlers/index.js';
import type { HousingRegister } from '../housing/index.js';
import type { ChangeCursor, SharedStore, StoreChanges } from '../store/index.js';

export interface SharedStoreSync {
  /**
   * Learns everything stored before the call; calls made while a read runs share the read after it. While no other
   * server holds the database nothing is read (nobody else can have stored anything), unless `force`d: a transition
   * that found its case stored by someone else.
   */
  catchUp(options?: { force?: boolean }): Promise<void>;
  /** Stops watching for other servers. */
  stop(): void;
}

/** How often a server looks whether it still has the database to itself (a server's start takes seconds longer). */
const watchMs = 1000;

interface SyncDeps {
  shared: SharedStore;
  index: InstanceIndex;
  registry: DefinitionRegistry;
  housing: HousingRegister;
  logger: HandlerLogger;
  /** A setting another server (or this one) stored: the manual clock, the sign-outs. */
  settingLearned: (name: string, value: unknown) => void;
}

/** The first read, at boot: every case's summary and the register's rows, and where the next read starts. */
export async function readShared(shared: SharedStore, listSummaries: () => Promise<InstanceSummary[]>): Promise<{ changes: StoreChanges; summaries: InstanceSummary[] }> {
  const changes = await shared.changesSince(null);
  // Read after the cursor's snapshot: a case saved in between is at least as new here, and read again next time.
  return { changes, summaries: await listSummaries() };
}

export function createSharedStoreSync(deps: SyncDeps, cursor: ChangeCursor): SharedStoreSync {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  // Alone only once a look found no other server and a last read took in what any server before stored.
  let alone = false;
  let watching: NodeJS.Timeout | null = null;

  async function read(): Promise<void> {
    const changes = await deps.shared.changesSince(cursor);
    if (changes.definitions.some((d) => !deps.registry.get(d.key, d.version))) {
      for (const { key, version, problem } of await deps.registry.learnStored()) {
        deps.logger.error({ processKey: key, version, problem }, 'en version som en annan server publicerade kan inte läsas här');
      }
    }
    const behind = changes.instances.filter((c) => (deps.index.get(c.id)?.rev ?? -1) < c.rev).map((c) => c.id);
    for (const summary of await deps.shared.summaries(behind)) deps.index.learn(summary);
    for (const { name, value } of changes.settings) deps.settingLearned(name, value);
    await deps.housing.catchUp(changes.register);
    cursor = changes.cursor;
  }

  function catchUp({ force = false } = {}): Promise<void> {
    if (alone && !force) return Promise.resolve();
    // A read already under way may have begun before what the caller waits for was stored: the caller joins the next
    // read, which starts when that one ends (and serves everyone who asked meanwhile).
    if (!running) {
      running = read().finally(() => (running = null));
      return running;
    }
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return catchUp();
      });
    return next;
  }

  // Bumped when another server says it started: a look begun before that must not conclude this one is alone.
  let starts = 0;
  deps.shared.onServerStarted(() => {
    starts++;
    alone = false;
  });

  async function look(): Promise<void> {
    const seen = starts;
    if ((await deps.shared.otherServers()) > 0) {
      alone = false;
      return;
    }
    if (alone) return;
    await catchUp({ force: true });
    if (seen === starts) alone = true;
  }

  const lookSoon = () => {
    watching = setTimeout(() => {
      look()
        .catch(() => (alone = false))
        .finally(() => {
          if (watching) lookSoon();
        });
    }, watchMs);
    watching.unref();
  };
  lookSoon();

  return {
    catchUp,
    stop() {
      if (watching) clearTimeout(watching);
      watching = null;
    },
  };
}
