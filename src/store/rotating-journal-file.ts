// An append-only JSON Lines journal kept in monthly segments (the access log): appends go to `<base>.jsonl`, which is
// sealed by one rename into `<base>-YYYY-MM.jsonl` when a record of a later month (or the size cap) arrives; a read
// for a time range opens only the segments whose months it covers.
//
// Sealing is a rename and nothing else: a file is never copied, split or rewritten, so a crash at any point leaves each
// acknowledged line in exactly one file. That is also why a `<base>.jsonl` from before rotation needs no migration: it
// is the active segment, and its first sealing names every month it holds (`access-2025-03--2027-01.jsonl`).
import { open, readdir, rename, type FileHandle } from 'node:fs/promises';
import { readTextIfPresent } from './read-if-present.js';
import path from 'node:path';
import { fsyncDir } from './durable-write.js';
import { KeyedQueue } from './keyed-queue.js';
import { mayOverlap, nextSealedName, sealedSegments, spanOf, type MonthSpan } from './journal-segments.js';
import type { JournalRange, JournalRepository } from './port.js';
import type { StoreGuard } from './instance-files.js';

/** The active segment is sealed once it is this large, even within a month. */
export const defaultMaxSegmentBytes = 64 * 1024 * 1024;

/** The journal `<dir>/<base>.jsonl` and its sealed segments; records are timed by their `at` (an ISO instant). */
export class RotatingJournalFile implements JournalRepository {
  private readonly appends = new KeyedQueue();
  private readonly active: string;
  /** The months the active segment holds; undefined until an append has read it. */
  private activeSpan: MonthSpan | null | undefined;
  /** Bumped as a sealing starts, so that a read that chose its files meanwhile chooses again. */
  private sealings = 0;
  private sealing: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly base: string,
    private readonly guard: StoreGuard,
    private readonly maxSegmentBytes = defaultMaxSegmentBytes,
  ) {
    this.active = path.join(dir, `${base}.jsonl`);
  }

  async readAll(): Promise<unknown[]> {
    const segments: unknown[][] = [];
    for await (const records of this.readSegments({})) segments.push(records);
    return segments.reverse().flat();
  }

  /** The segments that may hold records in [from, to), newest first, each in append order. */
  async *readSegments(range: JournalRange): AsyncGenerator<unknown[]> {
    this.guard.readable();
    const handles = await this.openSegments(range);
    try {
      while (handles.length) {
        const handle = handles.shift()!;
        try {
          yield parseLines(await handle.readFile('utf8'));
        } finally {
          await handle.close();
        }
      }
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  }

  append(records: unknown[]): Promise<void> {
    this.guard.writable();
    if (!records.length) return Promise.resolve();
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    const batch = spanOf(records);
    return this.appends.run('journal', async () => {
      this.activeSpan ??= spanOf(await readTimes(this.active));
      let handle = await open(this.active, 'a+', 0o600);
      try {
        let { size } = await handle.stat();
        // Start on a fresh line if a crash left the last append torn.
        if (size > 0 && (await lastByte(handle, size)) !== 0x0a) await handle.truncate((size = await lastLineEnd(handle, size)));
        const laterMonth = batch !== null && this.activeSpan !== null && batch.to > this.activeSpan.to;
        if (size > 0 && (laterMonth || size >= this.maxSegmentBytes)) {
          await handle.close();
          await this.seal();
          handle = await open(this.active, 'a+', 0o600);
        }
        await handle.appendFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsyncDir(this.dir);
      this.activeSpan = spanOf(records, this.activeSpan);
    });
  }

  idle(): Promise<void> {
    return this.appends.idle();
  }

  /** Renames the active segment to its sealed name; called inside the append queue only. */
  private seal(): Promise<void> {
    this.sealings += 1;
    const done = (async () => {
      const sealed = sealedSegments(this.base, await readdir(this.dir));
      await rename(this.active, path.join(this.dir, nextSealedName(this.base, this.activeSpan ?? null, sealed)));
      await fsyncDir(this.dir);
      this.activeSpan = null;
    })();
    this.sealing = done.then(
      () => undefined,
      () => undefined,
    );
    return done.finally(() => (this.sealing = null));
  }

  /** Opens the chosen segments, newest first; chooses again if a sealing renamed one meanwhile. */
  private async openSegments(range: JournalRange): Promise<FileHandle[]> {
    for (;;) {
      while (this.sealing) await this.sealing;
      const before = this.sealings;
      const chosen = sealedSegments(this.base, await readdir(this.dir))
        .filter((segment) => mayOverlap(segment.span, range))
        .map((segment) => path.join(this.dir, segment.name))
        .reverse();
      if (this.activeSpan == null || mayOverlap(this.activeSpan, range)) chosen.unshift(this.active);
      const handles = (await Promise.all(chosen.map(openIfPresent))).filter((h): h is FileHandle => h !== null);
      if (before === this.sealings && !this.sealing) return handles;
      await Promise.all(handles.map((handle) => handle.close()));
    }
  }
}

/** Only newline-terminated lines count: a crash in the middle of an append leaves an unterminated tail. */
function parseLines(text: string): unknown[] {
  return text.split('\n').slice(0, -1).filter((line) => line !== '').map((line) => JSON.parse(line) as unknown);
}

/** The records' times only; a line that does not parse is passed over, so that it cannot stop every later append. */
async function readTimes(file: string): Promise<{ at?: unknown }[]> {
  const text = await readTextIfPresent(file);
  if (text === null) return [];
  return text.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as { at?: unknown }];
    } catch {
      return [];
    }
  });
}

async function openIfPresent(file: string): Promise<FileHandle | null> {
  try {
    return await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function lastByte(handle: FileHandle, size: number): Promise<number | undefined> {
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0];
}

async function lastLineEnd(handle: FileHandle, size: number): Promise<number> {
  const buffer = Buffer.alloc(size);
  await handle.read(buffer, 0, size, 0);
  return buffer.lastIndexOf(0x0a) + 1;
}
