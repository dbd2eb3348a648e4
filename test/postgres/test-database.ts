// A database of its own for each test that needs PostgreSQL, in the run's test cluster, dropped after it.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { clusterUrl, ensureCluster } from './test-cluster.js';

export interface TestDatabase {
  /** DATABASE_URL of the fresh, empty database. */
  url: string;
  /** Drops the database, ending any connection still open on it. */
  drop(): Promise<void>;
}

/** Creates an empty database (starting the cluster first if no test has yet); fails when PostgreSQL is not installed. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = inject('postgresDir');
  await ensureCluster(dir);
  const name = `store_${randomBytes(6).toString('hex')}`;
  await admin(dir, `CREATE DATABASE ${name} STRATEGY FILE_COPY`);
  return {
    url: clusterUrl(dir, name),
    drop: () => admin(dir, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(dir: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: clusterUrl(dir) });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
