// What a clean close leaves for the next open: every instance's summary in one file, so that open needs neither the
// crash-repair scan nor one read per instance (like a database that skips recovery after a clean shutdown).
//
// The file holds a header line and then each summary exactly as its own summary file holds it, one per line. It is
// trusted only while the instances directory is untouched since the close: every save creates and renames files
// there, which moves the directory's change times, so a stamp of those times (and its inode) tells. Open deletes the
// file before anything is written, so after a crash (kill -9, power loss) there is none and open repairs as before.
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InstanceSummary } from '../engine/index.js';
import { fsyncDir, writeFileDurably } from './durable-write.js';
import { readTextIfPresent } from './read-if-present.js';

const FILE_NAME = 'instances.snapshot.jsonl';
const FORMAT = 1;

interface Header {
  format: number;
  instancesDir: string;
  count: number;
}

/** The summaries as stored, and each one's text (what the next clean close writes again for those not saved since). */
export interface SummarySnapshot {
  summaries: InstanceSummary[];
  texts: Map<string, string>;
}

/** Stores the summary texts of every instance; only for a store that saved nothing since `texts` was complete. */
export async function writeSummarySnapshot(root: string, instancesDir: string, texts: Iterable<string>): Promise<void> {
  const lines = [...texts];
  const header: Header = { format: FORMAT, instancesDir: await stampOf(instancesDir), count: lines.length };
  await writeFileDurably(path.join(root, FILE_NAME), [JSON.stringify(header), ...lines].join('\n'));
}

/**
 * Removes the snapshot (durably, before the caller writes anything) and returns what it held if the instances
 * directory is as the close left it; null when there is none, it does not parse or anything changed since.
 */
export async function takeSummarySnapshot(root: string, instancesDir: string): Promise<SummarySnapshot | null> {
  const file = path.join(root, FILE_NAME);
  const text = await readTextIfPresent(file);
  if (text === null) return null;
  await rm(file, { force: true });
  await fsyncDir(root);
  return parseSnapshot(text, await stampOf(instancesDir));
}

function parseSnapshot(text: string, currentStamp: string): SummarySnapshot | null {
  const lines = text.split('\n');
  try {
    const header = JSON.parse(lines[0] ?? '') as Header;
    if (header.format !== FORMAT || header.instancesDir !== currentStamp || header.count !== lines.length - 1) return null;
    const summaries: InstanceSummary[] = [];
    const texts = new Map<string, string>();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      const summary = JSON.parse(line) as InstanceSummary;
      summaries.push(summary);
      texts.set(summary.id, line);
    }
    return texts.size === summaries.length ? { summaries, texts } : null;
  } catch {
    return null; // a damaged snapshot is only a lost shortcut: open scans the instances instead
  }
}

/** The instances directory's identity and change times; any file created, renamed or removed in it changes them. */
async function stampOf(dir: string): Promise<string> {
  const s = await stat(dir, { bigint: true });
  return `${s.dev}:${s.ino}:${s.mtimeNs}:${s.ctimeNs}`;
}
