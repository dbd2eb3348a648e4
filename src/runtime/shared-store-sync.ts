// On a store several servers share: this server learns what the others stored (cases, diagrams, the manual clock, the
// housing register) before it answers a request or fires a timer, so what one server stored is what the next request,
// on any server, sees.
import type { DefinitionRegistry, InstanceIndex, InstanceSummary } from '../engine/index.js';
import type { HousingRegister } from '../housing/index.js';
import type { ChangeCursor, SharedStore, StoreChanges } from '../store/index.js';

export interface SharedStoreSync {
  /** Learns everything stored before the call; calls made while a read runs share the read after it. */
  catchUp(): Promise<void>;
}

interface SyncDeps {
  shared: SharedStore;
  index: InstanceIndex;
  registry: DefinitionRegistry;
  housing: HousingRegister;
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

  async function read(): Promise<void> {
    const changes = await deps.shared.changesSince(cursor);
    if (changes.definitions.some((d) => !deps.registry.get(d.key, d.version))) await deps.registry.loadStored();
    const behind = changes.instances.filter((c) => (deps.index.get(c.id)?.rev ?? -1) < c.rev).map((c) => c.id);
    for (const summary of await deps.shared.summaries(behind)) deps.index.learn(summary);
    for (const { name, value } of changes.settings) deps.settingLearned(name, value);
    await deps.housing.catchUp(changes.register);
    cursor = changes.cursor;
  }

  function catchUp(): Promise<void> {
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

  return { catchUp };
}
