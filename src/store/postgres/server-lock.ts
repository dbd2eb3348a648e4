// Who may use the database beside whom: servers share it (each holds the lock shared), a tool that must have it alone
// (store:copy) holds it exclusively, so a copy never runs into a server and no server starts during a copy. The lock is
// a PostgreSQL session advisory lock held by one connection for the store's life; if that connection breaks, the lock
// is gone and the store stops writing.
import pg from 'pg';

/** A key of our own for pg_try_advisory_lock (two int4 halves: "Boen" and "dekS" in ASCII). */
export const LOCK_KEY = [0x426f656e, 0x64656b53] as const;

export interface ServerLock {
  /** True once the lock's connection broke: another server may hold the lock now. */
  readonly lost: boolean;
  /** A server: `listener` is called when another server opens the database (or this one's lock is lost). */
  onServerStarted(listener: () => void): void;
  release(): Promise<void>;
}

/** Each server says on the lock's connection that it started, once it holds the lock; every server listens there. */
const startedChannel = 'boendekoordination_server_started';

/**
 * Takes the database's lock on a connection of its own, shared (a server, beside other servers) or alone (a tool);
 * throws a Swedish message when a holder of the other kind has it.
 */
export async function lockDatabase(databaseUrl: string, { alone }: { alone: boolean }): Promise<ServerLock> {
  // The lock's connection is idle for the store's life: TCP keep-alive makes a connection a firewall or NAT dropped
  // silently break here too (the lock is then gone at the server), so `lost` turns true instead of staying false.
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'boendekoordination lock', keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
  let lost = false;
  const listeners: (() => void)[] = [];
  const tell = () => listeners.forEach((listener) => listener());
  client.on('error', () => ((lost = true), tell()));
  client.on('end', () => ((lost = true), tell()));
  let ownPid = 0;
  client.on('notification', (message) => {
    if (message.channel === startedChannel && message.processId !== ownPid) tell();
  });
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
    if (!alone) {
      // The servers already running stop trusting that they are alone before this one stores anything.
      ownPid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      await client.query(`LISTEN ${startedChannel}`);
      await client.query(`NOTIFY ${startedChannel}`);
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    get lost() {
      return lost;
    },
    onServerStarted(listener) {
      listeners.push(listener);
    },
    async release() {
      await client.end().catch(() => undefined);
    },
  };
}
