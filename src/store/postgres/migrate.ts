// Brings the database's tables up to this version of the app: node-pg-migrate applies the SQL files in migrations/
// that the database has not had yet, under its advisory lock, so servers starting together apply each file once.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type pg from 'pg';

/** The SQL files, named `<timestamp>_<what>.sql`, each with an `-- Up Migration` and a `-- Down Migration` part. */
export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The table node-pg-migrate keeps the applied files in. */
export const migrationsTable = 'pgmigrations';

/** Applies every migration not applied yet; returns the names of those it applied (none on a current database). */
export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    const applied = await runner({
      dbClient: client,
      dir: migrationsDir,
      migrationsTable,
      direction: 'up',
      checkOrder: true,
      singleTransaction: true,
      // A second server starting at the same moment waits for the first one's migrations instead of failing.
      advisoryLockMode: 'wait',
      // The runner's progress lines are not for the server log; a failure is thrown and reported by the boot.
      log: () => undefined,
    });
    return applied.map((migration) => migration.name);
  } finally {
    client.release();
  }
}
