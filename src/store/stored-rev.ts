// Documents and summaries are written rev-first, so crash repair can read a rev from a file's first bytes.
import { open } from 'node:fs/promises';
import type { InstanceDocument, InstanceSummary } from '../engine/index.js';
import { readJsonFile } from './durable-json-file.js';

const HEAD_BYTES = 256;
const REV_AT_HEAD = /^\{(?:"summary":\{)?"id":"[A-Za-z0-9_-]{1,100}","rev":(\d+)[,}]/;

/** The summary with `id` and `rev` as its first keys (the values are unchanged). */
export function summaryRevFirst(summary: InstanceSummary): InstanceSummary {
  const { id, rev, ...rest } = summary;
  return { id, rev, ...rest };
}

/** The document as stored: the summary first, itself rev-first. */
export function documentRevFirst(doc: InstanceDocument): InstanceDocument {
  return { summary: summaryRevFirst(doc.summary), engineState: doc.engineState, lastEntries: doc.lastEntries };
}

/** The rev stored in a document or summary file, null when the file does not exist; parses the file only if needed. */
export async function readStoredRev(file: string): Promise<number | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const match = REV_AT_HEAD.exec(head.subarray(0, bytesRead).toString('utf8'));
    if (match) return Number(match[1]);
  } finally {
    await handle.close();
  }
  const stored = await readJsonFile<InstanceDocument | InstanceSummary>(file);
  if (stored === null) return null;
  return 'summary' in stored ? stored.summary.rev : stored.rev;
}
