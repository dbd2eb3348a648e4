// The two stores the bench measures side by side: the embedded lowdb store in a temp directory, and PostgreSQL in a
// throwaway cluster of the bench's own (the tests' starter, scripts/postgres-cluster.ts) with fsync on.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { adminQuery, clusterUrl, ensureCluster, stopCluster } from '../scripts/postgres-cluster.js';
import type { StoreChoice } from '../src/store/create-store.js';

export type StoreName = 'lowdb' | 'postgres';

/** An empty store for one measurement: what createStore needs, the server's environment, and how to remove it. */
export interface FreshStore {
  choice: StoreChoice;
  /** The embedded store's home; with PostgreSQL it still holds the users file and the session key. */
  dataDir: string;
  env: Record<string, string>;
  /** The database's name in the bench cluster (PostgreSQL only), for its statistics. */
  database?: string;
  remove(): Promise<void>;
}

export interface BenchStores {
  fresh(name: StoreName): Promise<FreshStore>;
  /** The bench cluster's directory, once PostgreSQL has been asked for. */
  clusterDir(): string | undefined;
  close(): Promise<void>;
}

export function benchStores(): BenchStores {
  let cluster: string | undefined;
  return {
    async fresh(name): Promise<FreshStore> {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-'));
      const removeDir = () => rm(dataDir, { recursive: true, force: true });
      if (name === 'lowdb') return { choice: { kind: 'lowdb' }, dataDir, env: {}, remove: removeDir };
      if (!cluster) {
        cluster = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-pg-'));
        // fsync, synchronous commit and full-page writes on: a commit waits for the WAL on disk, as in production.
        await ensureCluster(cluster, { durable: true });
      }
      const dir = cluster;
      const database = `bench_${randomBytes(6).toString('hex')}`;
      await adminQuery(dir, `CREATE DATABASE ${database}`);
      const databaseUrl = clusterUrl(dir, database);
      return {
        choice: { kind: 'postgres', databaseUrl },
        dataDir,
        env: { STORE: 'postgres', DATABASE_URL: databaseUrl },
        database,
        async remove() {
          await adminQuery(dir, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
          await removeDir();
        },
      };
    },
    clusterDir: () => cluster,
    async close() {
      if (!cluster) return;
      await stopCluster(cluster);
      await rm(cluster, { recursive: true, force: true });
    },
  };
}
