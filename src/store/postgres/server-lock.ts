// One server per database for now: the runtime still keeps its indexes, timers and per-case locks in one process, so
// a second server on the same database is refused, as a second one on the same data directory is. The lock is a
// PostgreSQL session advisory lock held by one connection for the store's life; if that connection breaks, the lock
// is gone and the store stops writing.
import pg from 'pg';

/** A key of our own for pg_try_advisory_lock (two int4 halves: "Boen" and "dekS" in ASCII). */
const LOCK_KEY = [0x426f656e, 0x64656b53] as const;

export interface ServerLock {
  /** True once the lock's connection broke: another server may hold the lock now. */
  readonly lost: boolean;
  release(): Promise<void>;
}

/** Takes the database's server lock on a connection of its own; throws a Swedish message when another server holds it. */
export async function lockDatabase(databaseUrl: string): Promise<ServerLock> {
  // The lock's connection is idle for the store's life: TCP keep-alive makes a connection a firewall or NAT dropped
  // silently break here too (the lock is then gone at the server), so `lost` turns true instead of staying false.
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'boendekoordination lock', keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
  let lost = false;
  client.on('error', () => (lost = true));
  client.on('end', () => (lost = true));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [...LOCK_KEY]);
    if (!rows[0]?.locked) {
      throw new Error('Databasen används redan av en annan server (the database is locked by another server process)');
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    get lost() {
      return lost;
    },
    async release() {
      await client.end().catch(() => undefined);
    },
  };
}
