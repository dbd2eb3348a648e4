// What `npm run store:copy` needs of a PostgreSQL database beyond the port: an instance stored with its whole history
// at once (a save appends only its last entries), journal records placed at given seqs (the embedded access log is read
// newest month first but must keep its append order) and the row counts the copy is checked by.
import type pg from 'pg';
import type { HistoryEntry, InstanceDocument } from '../../engine/index.js';
import { monthOf } from '../journal-segments.js';
import { inTransaction, jsonText } from './connection.js';
import { timerColumns } from './timer-columns.js';

/** Rows per table, and the history rows per instance. */
export interface TableCounts {
  instances: number;
  history: number;
  definitions: number;
  settings: number;
  journals: Record<string, number>;
}

/** Inserts one instance, its armed timers and every entry of its history in one transaction; fails if the id is already stored. */
export async function insertInstanceWithHistory(pool: pg.Pool, doc: InstanceDocument, history: readonly HistoryEntry[]): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('INSERT INTO instances (id, rev, summary, engine_state, last_entries) VALUES ($1, $2, $3, $4, $5)', [
      doc.summary.id,
      doc.summary.rev,
      jsonText(doc.summary, 'Ärendet'),
      jsonText(doc.engineState ?? null, 'Ärendets tillstånd'),
      jsonText(doc.lastEntries, 'Historiken'),
    ]);
    // The armed timers too, as a save keeps them: the servers find due timers there.
    await client.query(
      'INSERT INTO timers (id, instance_id, due_at, record) SELECT t.id, $1, t.due_at, t.record FROM unnest($2::text[], $3::timestamptz[], $4::json[]) AS t(id, due_at, record)',
      [doc.summary.id, ...timerColumns(doc.summary)],
    );
    if (history.length === 0) return;
    await client.query(
      'INSERT INTO history (instance_id, seq, entry) SELECT $1, e.seq, e.entry FROM unnest($2::integer[], $3::json[]) AS e(seq, entry)',
      [doc.summary.id, history.map((e) => e.seq), history.map((e) => jsonText(e, 'Historiken'))],
    );
  });
}

/** The highest journal seq stored (0 when none): records placed later start above it. */
export async function lastJournalSeq(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ last: string }>('SELECT coalesce(max(seq), 0) AS last FROM journal_records');
  return Number(rows[0]?.last ?? 0);
}

/** Inserts `records` of `journal` at seqs firstSeq, firstSeq + 1, … (their append order), whatever order calls come in. */
export async function insertJournalAt(pool: pg.Pool, journal: string, firstSeq: number, records: readonly unknown[]): Promise<void> {
  if (records.length === 0) return;
  await pool.query(
    `INSERT INTO journal_records (journal, seq, month, record) OVERRIDING SYSTEM VALUE
     SELECT $1, $2::bigint + r.n - 1, r.month, r.record FROM unnest($3::text[], $4::json[]) WITH ORDINALITY AS r(month, record, n)`,
    [journal, firstSeq, records.map((r) => monthOf((r as { at?: unknown } | null)?.at)), records.map((r) => jsonText(r, 'Journalposten'))],
  );
}

/** Moves the seq generator past the placed records, so the next append comes after them. */
export async function continueJournalSeq(pool: pg.Pool): Promise<void> {
  await pool.query(
    "SELECT setval(pg_get_serial_sequence('journal_records', 'seq'), (SELECT max(seq) FROM journal_records)) WHERE EXISTS (SELECT 1 FROM journal_records)",
  );
}

/** Row counts of every table the store keeps. */
export async function countRows(pool: pg.Pool): Promise<TableCounts> {
  const one = async (sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  const { rows } = await pool.query<{ journal: string; n: string }>('SELECT journal, count(*) AS n FROM journal_records GROUP BY journal');
  return {
    instances: await one('SELECT count(*) AS n FROM instances'),
    history: await one('SELECT count(*) AS n FROM history'),
    definitions: await one('SELECT count(*) AS n FROM definitions'),
    settings: await one('SELECT count(*) AS n FROM settings'),
    journals: Object.fromEntries(rows.map((row) => [row.journal, Number(row.n)])),
  };
}

/** History rows per instance id. */
export async function countHistoryRows(pool: pg.Pool): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ id: string; n: string }>('SELECT instance_id AS id, count(*) AS n FROM history GROUP BY instance_id');
  return new Map(rows.map((row) => [row.id, Number(row.n)]));
}
