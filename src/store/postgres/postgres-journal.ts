// A journal on PostgreSQL (the housing register's changes, the access log, the gallring log): rows of one table, in
// append order per journal, each marked with the month of its `at` so a read for a time range reads only those months.
import type pg from 'pg';
import { monthOf } from '../journal-segments.js';
import type { JournalRange, RewritableJournalRepository } from '../port.js';
import { inTransaction, jsonText, type PgGuard } from './connection.js';

export class PostgresJournal implements RewritableJournalRepository {
  constructor(
    private readonly guard: PgGuard,
    private readonly journal: string,
  ) {}

  async readAll(): Promise<unknown[]> {
    const { rows } = await this.guard
      .readable()
      .query<{ record: unknown }>('SELECT record FROM journal_records WHERE journal = $1 ORDER BY seq', [this.journal]);
    return rows.map((row) => row.record);
  }

  async append(records: unknown[]): Promise<void> {
    const pool = this.guard.writable();
    if (!records.length) return;
    await inTransaction(pool, async (client) => {
      await this.lockJournal(client);
      await insertRecords(client, this.journal, records);
    });
  }

  /** Replaces every record with `change(records)` in one transaction that appends wait for; `null` changes nothing. */
  async rewrite(change: (records: unknown[]) => unknown[] | null): Promise<void> {
    const pool = this.guard.writable();
    await inTransaction(pool, async (client) => {
      await this.lockJournal(client);
      const { rows } = await client.query<{ record: unknown }>('SELECT record FROM journal_records WHERE journal = $1 ORDER BY seq', [this.journal]);
      const changed = change(rows.map((row) => row.record));
      if (!changed) return;
      await client.query('DELETE FROM journal_records WHERE journal = $1', [this.journal]);
      await insertRecords(client, this.journal, changed);
    });
  }

  /**
   * One month at a time, newest first, each in append order; records without a time come last, as their own group,
   * and only when the range is open at both ends (a bounded read could not match them).
   */
  async *readSegments(range: JournalRange): AsyncGenerator<unknown[]> {
    const pool = this.guard.readable();
    const { first, last } = monthsOf(range);
    const { rows } = await pool.query<{ month: string | null }>(
      `SELECT month FROM journal_records
       WHERE journal = $1 AND CASE WHEN month IS NULL THEN $2::text IS NULL AND $3::text IS NULL
                                   ELSE ($2::text IS NULL OR month >= $2) AND ($3::text IS NULL OR month <= $3) END
       GROUP BY month ORDER BY month DESC NULLS LAST`,
      [this.journal, first, last],
    );
    for (const { month } of rows) {
      const records = await pool.query<{ record: unknown }>(
        'SELECT record FROM journal_records WHERE journal = $1 AND month IS NOT DISTINCT FROM $2 ORDER BY seq',
        [this.journal, month],
      );
      yield records.rows.map((row) => row.record);
    }
  }

  /** Appends and rewrites of one journal take turns, across every server on the database, so seq is commit order. */
  private async lockJournal(client: pg.PoolClient): Promise<void> {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('boendekoordination.journal.' || $1))", [this.journal]);
  }
}

async function insertRecords(client: pg.PoolClient, journal: string, records: readonly unknown[]): Promise<void> {
  if (records.length === 0) return;
  await client.query(
    `INSERT INTO journal_records (journal, month, record)
     SELECT $1, r.month, r.record FROM unnest($2::text[], $3::json[]) WITH ORDINALITY AS r(month, record, n) ORDER BY r.n`,
    [journal, records.map((r) => monthOf((r as { at?: unknown } | null)?.at)), records.map((r) => jsonText(r, 'Journalposten'))],
  );
}

/** The first and last month a range reaches (`to` is exclusive: a range ending as a month begins stops before it). */
function monthsOf(range: JournalRange): { first: string | null; last: string | null } {
  const first = range.from === undefined ? null : monthOf(range.from);
  const end = range.to === undefined ? Number.NaN : Date.parse(range.to);
  return { first, last: Number.isNaN(end) ? null : monthOf(new Date(end - 1).toISOString()) };
}
