// Writing a journal's rows: appends and rewrites of one journal take turns across every server on the database.
import type pg from 'pg';
import { monthOf } from '../journal-segments.js';
import { jsonText } from './connection.js';

/** Held until the transaction ends, so a journal's `seq` is its commit order: a reader after seq N misses nothing. */
export async function lockJournal(client: pg.PoolClient, journal: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('boendekoordination.journal.' || $1))", [journal]);
}

/** Appends `records` in order; `writer` names the server (null: a tool, or a journal nobody checks). */
export async function insertRecords(client: pg.PoolClient, journal: string, records: readonly unknown[], writer: string | null = null): Promise<void> {
  if (records.length === 0) return;
  await client.query(
    `INSERT INTO journal_records (journal, month, record, writer)
     SELECT $1, r.month, r.record, $4 FROM unnest($2::text[], $3::json[]) WITH ORDINALITY AS r(month, record, n) ORDER BY r.n`,
    [journal, records.map((r) => monthOf((r as { at?: unknown } | null)?.at)), records.map((r) => jsonText(r, 'Journalposten')), writer],
  );
}
