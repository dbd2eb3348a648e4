// The PostgreSQL store's connections: one pool per store, transactions on one client, and the guard every repository
// asks before it reads or writes.
import pg from 'pg';

/** The pool of an open store; throws when the store is not open or (for writes) has lost its server lock. */
export interface PgGuard {
  readable(): pg.Pool;
  writable(): pg.Pool;
}

/** A pool on `databaseUrl`; a connection that breaks while idle is dropped by the pool instead of crashing the process. */
export function createPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, application_name: 'boendekoordination' });
  // Without a listener, an idle client's error (the server restarted) would be an uncaught 'error' event.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` in one transaction on one client: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A client that cannot even roll back is not handed out again.
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** JSON text for a `json` column; pg would turn a JavaScript array into a PostgreSQL array, so values go as text. */
export function jsonText(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`${what} kan inte sparas (value is not JSON)`);
  return text;
}
