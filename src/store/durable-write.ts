// Crash-safe file replacement: unique temp file (0600) → fsync → rename → fsync of the directory.
import { randomUUID } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { withTransientRetry } from './transient-retry.js';

const TEMP_FILE = /^\..+\.tmp$/;

/** Makes a rename or a new directory entry durable; tolerated where directories cannot be opened for sync. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `file` with `text` so that a crash leaves either the old or the new content, never a mix.
 * `flush: false` keeps the atomic rename but skips both fsyncs: for derived files that crash repair can rebuild.
 */
export async function writeFileDurably(file: string, text: string, flush = true): Promise<void> {
  // Each attempt writes its own temp file, so a retry after a busy file system starts clean.
  await withTransientRetry(() => writeOnce(file, text, flush));
}

async function writeOnce(file: string, text: string, flush: boolean): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      if (flush) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (flush) await fsyncDir(dir);
}

/** Deletes temp files that a crash left between write and rename; only safe while holding the data directory lock. */
export async function removeTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const temps = names.filter((name) => TEMP_FILE.test(name));
  await Promise.all(temps.map((name) => rm(path.join(dir, name), { force: true })));
  return temps.length;
}
