// A database of its own for each test that needs PostgreSQL, in the run's test cluster, dropped after it.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { adminQuery, clusterUrl, ensureCluster } from '../../scripts/postgres-cluster.js';

export interface TestDatabase {
  /** DATABASE_URL of the fresh, empty database. */
  url: string;
  /** Drops the database, ending any connection still open on it. */
  drop(): Promise<void>;
}

/** Creates an empty database (starting the cluster first if no test has yet); fails when PostgreSQL is not installed. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = inject('postgresDir');
  // Durability is not under test here, speed is: the tests' cluster runs without fsync.
  await ensureCluster(dir, { durable: false });
  const name = `store_${randomBytes(6).toString('hex')}`;
  await adminQuery(dir, `CREATE DATABASE ${name} STRATEGY FILE_COPY`);
  return {
    url: clusterUrl(dir, name),
    drop: async () => void (await adminQuery(dir, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}
