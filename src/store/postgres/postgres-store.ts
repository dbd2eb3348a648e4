// The PostgreSQL store: the same port as the embedded one, on a database named by DATABASE_URL, shared by every server
// on it. open() connects, applies the migrations and takes the database's lock (shared by servers, alone for a tool).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Store } from '../port.js';
import { createPool, type PgGuard } from './connection.js';
import { migrate } from './migrate.js';
import { PostgresDefinitions } from './postgres-definitions.js';
import { PostgresInstances } from './postgres-instances.js';
import { PostgresJournal } from './postgres-journal.js';
import { PostgresSettings } from './postgres-settings.js';
import { PostgresShared } from './postgres-shared.js';
import { lockDatabase, type ServerLock } from './server-lock.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (or ?host=/socket/dir); never logged. */
  databaseUrl: string;
  /**
   * `server` (the default): opens beside other servers on the database, refused only while a tool holds it alone.
   * `alone`: a tool (store:copy) that must have the database to itself: refused while any server holds it.
   */
  use?: 'server' | 'alone';
}

/** Creates the PostgreSQL store; nothing is connected until `open()`. */
export function createPostgresStore({ databaseUrl, use = 'server' }: PostgresStoreOptions): Store {
  // A name per start, not per machine: a restarted server's register records are another writer's to its new copy.
  const serverId = randomUUID();
  let pool: pg.Pool | null = null;
  let lock: ServerLock | null = null;
  const guard: PgGuard = {
    readable() {
      if (!pool) throw new Error('Lagret är inte öppnat (the store is not open)');
      return pool;
    },
    writable() {
      const open = guard.readable();
      if (lock?.lost) {
        throw new Error('Databasens serverlås har tappats; inget sparas (the database server lock was lost)');
      }
      return open;
    },
  };
  const journal = (name: string) => new PostgresJournal(guard, name);

  return {
    definitions: new PostgresDefinitions(guard),
    instances: new PostgresInstances(guard, serverId),
    shared: new PostgresShared(guard, serverId, () => lock),
    settings: new PostgresSettings(guard),
    housingJournal: journal('housing'),
    accessLog: journal('access'),
    gallringLog: journal('gallring'),
    async open() {
      if (pool) throw new Error('Lagret är redan öppnat (the store is already open)');
      const held = await lockDatabase(databaseUrl, { alone: use === 'alone' }).catch(unreachable);
      const opened = createPool(databaseUrl);
      try {
        await migrate(opened).catch(unreachable);
      } catch (error) {
        await opened.end();
        await held?.release();
        throw error;
      }
      pool = opened;
      lock = held;
    },
    async close() {
      if (!pool) return;
      const opened = pool;
      pool = null;
      await opened.end();
      await lock?.release();
      lock = null;
    },
  };
}

/**
 * A connection or migration failure said for the person starting the server, with pg's own message. Not as `cause`:
 * the boot prints the error whole, cause and properties too, and only pg's message is known to leave the URL out.
 */
function unreachable(error: unknown): never {
  if (error instanceof Error && error.message.startsWith('Databasen används')) throw error;
  const reason = error instanceof Error ? error.message : String(error);
  throw new Error(`PostgreSQL-databasen kunde inte öppnas (DATABASE_URL): ${reason}`);
}
