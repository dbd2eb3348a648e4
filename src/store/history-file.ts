// One instance's append-only history: a JSON Lines file, appended with fsync, healed of a torn last line.
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry } from '../engine/index.js';
import { CorruptFileError } from './durable-json-file.js';
import { fsyncDir, writeFileDurably } from './durable-write.js';
import { readTextIfPresent } from './read-if-present.js';

const NEWLINE = 0x0a;

/** Every complete line, oldest first; a missing file is an empty history and a torn last line is ignored. */
export async function readHistory(file: string): Promise<HistoryEntry[]> {
  const text = await readTextIfPresent(file);
  if (text === null) return [];
  const lines = text.split('\n').slice(0, -1);
  return lines.filter((line) => line !== '').map((line, index) => parseLine(file, line, index + 1));
}

/**
 * Cuts a torn last line (a crash in the middle of an append) and returns the seq of the last complete entry, 0 when
 * there is none. Reads only the end of the file.
 */
export async function healHistoryTail(file: string): Promise<number> {
  let handle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    for (let window = 8192; ; window *= 2) {
      const start = Math.max(0, size - window);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      const end = buffer.lastIndexOf(NEWLINE) + 1;
      const lineStart = end >= 2 ? buffer.lastIndexOf(NEWLINE, end - 2) + 1 : 0;
      if (start > 0 && lineStart === 0) continue; // the last complete line may begin before this window
      if (start + end < size) {
        await handle.truncate(start + end);
        await handle.sync();
      }
      if (end <= 1) return 0;
      return parseLine(file, buffer.subarray(lineStart, end - 1).toString('utf8'), null).seq;
    }
  } finally {
    await handle.close();
  }
}

/** Appends, in seq order, the entries whose seq is above `lastSeq`, and fsyncs; returns the new last seq. */
export async function appendHistory(file: string, entries: readonly HistoryEntry[], lastSeq: number): Promise<number> {
  let seq = lastSeq;
  const fresh: HistoryEntry[] = [];
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (entry.seq <= seq) continue;
    fresh.push(entry);
    seq = entry.seq;
  }
  if (fresh.length === 0) return lastSeq;
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.writeFile(fresh.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (lastSeq === 0) await fsyncDir(path.dirname(file));
  return seq;
}

/**
 * A culled case's history: every entry before `tail` kept with its step, time and actor but without its values, then
 * `tail` (the culling itself); replaced whole and atomically, and the same result however often it is redone.
 */
export async function rewriteHistoryWithoutValues(file: string, tail: readonly HistoryEntry[]): Promise<number> {
  const firstOfTail = tail.length ? Math.min(...tail.map((e) => e.seq)) : Infinity;
  const kept = (await readHistory(file)).filter((e) => e.seq < firstOfTail).map((e) => ({ ...e, data: null }));
  const entries = [...kept, ...[...tail].sort((a, b) => a.seq - b.seq)];
  await writeFileDurably(file, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  return entries.at(-1)?.seq ?? 0;
}

function parseLine(file: string, line: string, lineNumber: number | null): HistoryEntry {
  try {
    const entry = JSON.parse(line) as HistoryEntry;
    if (!Number.isInteger(entry.seq)) throw new Error('seq is not an integer');
    return entry;
  } catch (error) {
    throw new CorruptFileError(lineNumber === null ? file : `${file}:${lineNumber}`, error);
  }
}
