// Where a PostgreSQL save's time goes: commits, WAL written and WAL flushes to disk (fsync), read from the cluster's
// statistics before and after a measurement, and the size of the JSON a row holds.
import { adminQuery } from '../scripts/postgres-cluster.js';

export interface PgCounters {
  commits: number;
  walBytes: number;
  walSyncs: number;
  walSyncMs: number;
}

/**
 * The cluster's counters now. Backends report their statistics when they end, so read this after the server has
 * stopped (its pool closed) to count all of its work.
 */
export async function pgCounters(clusterDir: string, database: string): Promise<PgCounters> {
  const [db] = await adminQuery<{ commits: string }>(clusterDir, `SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = '${database}'`);
  const [wal] = await adminQuery<{ bytes: string; syncs: string; ms: number }>(
    clusterDir,
    'SELECT wal_bytes AS bytes, wal_sync AS syncs, wal_sync_time AS ms FROM pg_stat_wal',
  );
  return { commits: Number(db?.commits ?? 0), walBytes: Number(wal?.bytes ?? 0), walSyncs: Number(wal?.syncs ?? 0), walSyncMs: Number(wal?.ms ?? 0) };
}

export function difference(after: PgCounters, before: PgCounters): PgCounters {
  return {
    commits: after.commits - before.commits,
    walBytes: after.walBytes - before.walBytes,
    walSyncs: after.walSyncs - before.walSyncs,
    walSyncMs: after.walSyncMs - before.walSyncMs,
  };
}

/** Average size in bytes of an instance row's JSON columns, and of a history entry. */
export async function pgRowSizes(clusterDir: string, database: string): Promise<string> {
  const [row] = await adminQuery<Record<string, string | null>>(
    clusterDir,
    `SELECT avg(octet_length(engine_state::text))::int AS engine, avg(octet_length(summary::text))::int AS summary,
            avg(octet_length(last_entries::text))::int AS entries,
            (SELECT avg(octet_length(entry::text))::int FROM history) AS history,
            (SELECT count(*) FROM history) AS history_rows, count(*) AS rows FROM instances`,
    database,
  );
  if (!row) return 'inga rader';
  return `${row.rows} ärenden: engine_state ${row.engine} B, summary ${row.summary} B, last_entries ${row.entries} B i snitt; ${row.history_rows} historikrader à ${row.history} B`;
}
