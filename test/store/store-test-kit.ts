// Shared by the store tests and their child-process fixtures: temp data directories and instance documents.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HistoryEntry, InstanceDocument } from '../../src/engine/records/index.js';

/** A fresh, empty directory under the OS temp dir; `cleanup` removes it. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'store-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
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
