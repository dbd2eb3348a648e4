// A journal on PostgreSQL (the housing register's changes, the access log, the gallring log): rows of one table, in
// append order per journal, each marked with the month of its `at` so a read for a time range reads only those months.
import type pg from 'pg';
import { monthOf } from '../journal-segments.js';
import type { JournalRange, RewritableJournalRepository } from '../port.js';
import { inTransaction, jsonText, type PgGuard } from './connection.js';
import { insertRecords, lockJournal } from './journal-rows.js';

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
      await lockJournal(client, this.journal);
      await insertRecords(client, this.journal, records);
    });
  }

  /**
   * Replaces every record with `change(records)` in one transaction that appends wait for; `null` changes nothing. A
   * change that keeps the number of records (gallring's) updates the changed rows in place, so they keep their place:
   * a server that has read the journal up to a place does not read them again as new.
   */
  async rewrite(change: (records: unknown[]) => unknown[] | null): Promise<void> {
    const pool = this.guard.writable();
    await inTransaction(pool, async (client) => {
      await lockJournal(client, this.journal);
      const { rows } = await client.query<{ seq: string; record: unknown }>('SELECT seq, record FROM journal_records WHERE journal = $1 ORDER BY seq', [this.journal]);
      const changed = change(rows.map((row) => row.record));
      if (!changed) return;
      if (changed.length !== rows.length) {
        await client.query('DELETE FROM journal_records WHERE journal = $1', [this.journal]);
        await insertRecords(client, this.journal, changed);
        return;
      }
      const updates = rows.flatMap((row, i) => (JSON.stringify(row.record) === JSON.stringify(changed[i]) ? [] : [{ seq: row.seq, record: changed[i] }]));
      if (!updates.length) return;
      await client.query(
        `UPDATE journal_records SET record = u.record, month = u.month
         FROM unnest($2::bigint[], $3::json[], $4::text[]) AS u(seq, record, month)
         WHERE journal_records.journal = $1 AND journal_records.seq = u.seq`,
        [this.journal, updates.map((u) => u.seq), updates.map((u) => jsonText(u.record, 'Journalposten')), updates.map((u) => monthOf((u.record as { at?: unknown } | null)?.at))],
      );
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

}

/** The first and last month a range reaches (`to` is exclusive: a range ending as a month begins stops before it). */
function monthsOf(range: JournalRange): { first: string | null; last: string | null } {
  const first = range.from === undefined ? null : monthOf(range.from);
  const end = range.to === undefined ? Number.NaN : Date.parse(range.to);
  return { first, last: Number.isNaN(end) ? null : monthOf(new Date(end - 1).toISOString()) };
}
