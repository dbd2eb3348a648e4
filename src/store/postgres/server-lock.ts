// Who may use the database beside whom: servers share it (each holds the lock shared), a tool that must have it alone
// (store:copy) holds it exclusively, so a copy never runs into a server and no server starts during a copy. The lock is
// a PostgreSQL session advisory lock held by one connection for the store's life; if that connection breaks, the lock
// is gone and the store stops writing.
import pg from 'pg';

/** A key of our own for pg_try_advisory_lock (two int4 halves: "Boen" and "dekS" in ASCII). */
const LOCK_KEY = [0x426f656e, 0x64656b53] as const;

export interface ServerLock {
  /** True once the lock's connection broke: another server may hold the lock now. */
  readonly lost: boolean;
  release(): Promise<void>;
}

/**
 * Takes the database's lock on a connection of its own, shared (a server, beside other servers) or alone (a tool);
 * throws a Swedish message when a holder of the other kind has it.
 */
export async function lockDatabase(databaseUrl: string, { alone }: { alone: boolean }): Promise<ServerLock> {
  // The lock's connection is idle for the store's life: TCP keep-alive makes a connection a firewall or NAT dropped
  // silently break here too (the lock is then gone at the server), so `lost` turns true instead of staying false.
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'boendekoordination lock', keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
  let lost = false;
  client.on('error', () => (lost = true));
  client.on('end', () => (lost = true));
  await client.connect();
  try {
    const take = alone ? 'pg_try_advisory_lock' : 'pg_try_advisory_lock_shared';
    const { rows } = await client.query<{ locked: boolean }>(`SELECT ${take}($1, $2) AS locked`, [...LOCK_KEY]);
    if (!rows[0]?.locked && alone) {
      throw new Error('Databasen används redan av en annan server (the database is locked by another server process)');
    }
    if (!rows[0]?.locked) {
      throw new Error('Databasen används av ett verktyg som måste ha den ensam, till exempel store:copy; starta servern när det är klart (the database is held alone by a tool)');
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
