// The exclusive lock that makes one process the only owner of a data directory (proper-lockfile + an owner file).
import { rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { readJsonFile } from './durable-json-file.js';
import { writeFileDurably } from './durable-write.js';

export const lockStaleMs = 10_000;
/** When this process started; with the pid it tells this process apart from an earlier one that had the same pid. */
const processStartedAt = Math.round(Date.now() - process.uptime() * 1000);

interface LockOwner {
  pid: number;
  host: string;
  processStartedAt: number;
}

/** A held lock: `release` gives it back; `compromised` is set when another party took it from us. */
export interface DataDirLock {
  release(): Promise<void>;
  readonly compromised: Error | null;
}

/** Thrown when another live process (or another store in this process) owns the data directory. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, owner: LockOwner | null) {
    const who = owner ? `pid ${owner.pid} på ${owner.host}` : 'okänd ägare';
    super(
      `Datakatalogen används redan av en annan process (${who}): ${dataDir}. ` +
        'The data directory is already in use by another process; stop it before starting this one.',
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * Locks `dataDir` (which must exist). A lock left by a process that died (kill -9, power loss) is taken over at
 * once when its owner file names a dead pid on this host; otherwise it counts as abandoned after 10 s without updates.
 * The owner file is written just after the lock directory is made and removed on release, so a stale one can only
 * mislead a starter in that short window right after a crash.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const lockPath = path.join(dataDir, 'store.lock');
  const ownerFile = path.join(dataDir, 'store.lock.owner.json');
  // proper-lockfile takes over a lock that has not been touched for 10 s, which is also what a live owner looks like
  // while it is paused (SIGSTOP, a debugger, a frozen VM): its writes would then go on beside ours. An owner that
  // still runs on this host keeps its lock, however old.
  const current = await readOwner(ownerFile);
  if (current && current.host === os.hostname() && !ownerIsGone(current) && (await exists(lockPath))) {
    throw new DataDirInUseError(dataDir, current);
  }
  let compromised: Error | null = null;
  const options = {
    lockfilePath: lockPath,
    stale: lockStaleMs,
    onCompromised: (error: Error) => {
      compromised = error;
    },
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = await readOwner(ownerFile);
    if (!owner || !ownerIsGone(owner)) throw new DataDirInUseError(dataDir, owner);
    // Two starters racing here could both take over; the loser's lock updates then fail and mark it compromised.
    await rm(lockPath, { recursive: true, force: true });
    release = await lockfile.lock(dataDir, options).catch((retryError: NodeJS.ErrnoException) => {
      throw retryError.code === 'ELOCKED' ? new DataDirInUseError(dataDir, null) : retryError;
    });
  }
  const me: LockOwner = { pid: process.pid, host: os.hostname(), processStartedAt };
  await writeFileDurably(ownerFile, JSON.stringify(me)).catch(async (error: unknown) => {
    await release();
    throw error;
  });
  return {
    release: async () => {
      if (compromised) return; // someone else holds the directory now: leave their lock and owner file alone
      await rm(ownerFile, { force: true });
      await release();
    },
    get compromised() {
      return compromised;
    },
  };
}

async function readOwner(ownerFile: string): Promise<LockOwner | null> {
  try {
    const owner = await readJsonFile<LockOwner>(ownerFile);
    return owner && Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null;
  }
}

/** True when the lock's owner is certainly not running: a dead pid on this host, or this pid in an earlier life. */
function ownerIsGone(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return false;
  if (owner.pid === process.pid) return Math.abs(owner.processStartedAt - processStartedAt) > 2000;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
