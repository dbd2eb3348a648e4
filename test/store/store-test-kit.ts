// Shared by the store tests and their child-process fixtures: temp data directories, open stores, instance documents.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { HistoryEntry, InstanceDocument } from '../../src/engine/records/index.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import type { Store } from '../../src/store/port.js';

/** A fresh, empty directory under the OS temp dir; `cleanup` removes it. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'store-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** An open lowdb store in a fresh temp dir. */
export interface TempStore {
  readonly dir: string;
  /** The store opened last. */
  readonly store: Store;
  /** Closes `store` (if still open) and opens a new lowdb store on the same directory, which becomes `store`. */
  reopen(): Promise<Store>;
  /** Closes `store` and removes the directory. */
  cleanup(): Promise<void>;
}

/** Opens a lowdb store in a fresh temp dir. */
export async function openTempStore(): Promise<TempStore> {
  const { dir, cleanup } = await makeTempDir();
  let store = createLowdbStore(dir);
  try {
    await store.open();
  } catch (error) {
    await cleanup();
    throw error;
  }
  return {
    dir,
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = createLowdbStore(dir);
      await store.open();
      return store;
    },
    async cleanup() {
      await store.close();
      await cleanup();
    },
  };
}

/** A fresh temp dir for every test of the enclosing describe, removed after it; read `dir` in tests and hooks. */
export function useTempDir(): { readonly dir: string } {
  let current: { dir: string; cleanup: () => Promise<void> } | null = null;
  beforeEach(async () => {
    current = await makeTempDir();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = null;
  });
  return {
    get dir() {
      return inTest(current, 'useTempDir').dir;
    },
  };
}

/** A fresh open lowdb store for every test of the enclosing describe, closed and removed after it. */
export function useTempStore(): Omit<TempStore, 'cleanup'> {
  let current: TempStore | null = null;
  beforeEach(async () => {
    current = await openTempStore();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = null;
  });
  return {
    get dir() {
      return inTest(current, 'useTempStore').dir;
    },
    get store() {
      return inTest(current, 'useTempStore').store;
    },
    reopen: () => inTest(current, 'useTempStore').reopen(),
  };
}

function inTest<T>(current: T | null, helper: string): T {
  if (current === null) throw new Error(`${helper}() is only set inside a test or its hooks`);
  return current;
}

/** One history entry with the given seq. */
export function makeEntry(seq: number, type = 'activity.enter'): HistoryEntry {
  const at = `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`;
  return { seq, at, type, elementId: `el${seq}`, elementName: 'Steg', actor: 'handl1', data: null };
}

/**
 * The document of transition `rev` of `id`; each transition records two history entries, so rev r holds seqs
 * 2r-1 and 2r. `stateBytes` pads the engine state to a realistic size.
 */
export function makeDocument(id: string, rev: number, stateBytes = 200): InstanceDocument {
  return {
    summary: {
      processKey: 'testprocess',
      id,
      version: 1,
      businessKey: `BK-${id}`,
      state: 'running',
      startedAt: '2026-01-01T00:00:00.000Z',
      endedAt: null,
      rev,
      variables: { step: rev, note: 'åäö' },
      active: [{ elementId: `task${rev}`, name: 'Handläggning' }],
      tasks: [],
      timers: [],
      bevakningar: [],
      caseEvents: [],
    },
    engineState: { step: rev, padding: 'x'.repeat(stateBytes) },
    lastEntries: [makeEntry(2 * rev - 1), makeEntry(2 * rev, 'activity.leave')],
  };
}
