// An append-only JSON Lines journal (the housing register's changes): appended with fsync, a torn last line ignored;
// rewritten whole only to take culled personal data out.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, writeFileDurably } from './durable-write.js';
import { KeyedQueue } from './keyed-queue.js';
import type { RewritableJournalRepository } from './port.js';
import { readTextIfPresent } from './read-if-present.js';
import type { StoreGuard } from './instance-files.js';

export class JournalFile implements RewritableJournalRepository {
  private readonly appends = new KeyedQueue();

  constructor(private readonly file: string, private readonly guard: StoreGuard) {}

  async readAll(): Promise<unknown[]> {
    this.guard.readable();
    const text = await readTextIfPresent(this.file);
    if (text === null) return [];
    // Only newline-terminated lines count: a crash in the middle of an append leaves an unterminated tail.
    return text.split('\n').slice(0, -1).filter((line) => line !== '').map((line) => JSON.parse(line) as unknown);
  }

  append(records: unknown[]): Promise<void> {
    this.guard.writable();
    if (!records.length) return Promise.resolve();
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    return this.appends.run('journal', async () => {
      const handle = await open(this.file, 'a+', 0o600);
      try {
        const { size } = await handle.stat();
        if (size > 0) {
          // Start on a fresh line if a crash left the last append torn.
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) await handle.truncate(await this.lastLineEnd(handle, size));
        }
        await handle.appendFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsyncDir(path.dirname(this.file));
    });
  }

  /**
   * Replaces the journal with `change(records)` (the same records, some with less in them), atomically and between
   * appends; `null` from `change` leaves the file as it is.
   */
  rewrite(change: (records: unknown[]) => unknown[] | null): Promise<void> {
    this.guard.writable();
    return this.appends.run('journal', async () => {
      const changed = change(await this.readAll());
      if (changed) await writeFileDurably(this.file, changed.map((r) => `${JSON.stringify(r)}\n`).join(''));
    });
  }

  idle(): Promise<void> {
    return this.appends.idle();
  }

  private async lastLineEnd(handle: import('node:fs/promises').FileHandle, size: number): Promise<number> {
    const buffer = Buffer.alloc(size);
    await handle.read(buffer, 0, size, 0);
    return buffer.lastIndexOf(0x0a) + 1;
  }
}
