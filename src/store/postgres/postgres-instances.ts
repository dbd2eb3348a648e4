// The InstanceRepository on PostgreSQL: a row per instance (its rev the optimistic lock) and a row per history entry,
// both written by one transaction, so a save is stored whole or not at all.
import type pg from 'pg';
import { type HistoryEntry, type InstanceDocument, type InstanceRepository, type InstanceSummary, StaleRevisionError } from '../../engine/index.js';
import { assertSafeName } from '../safe-name.js';
import { inTransaction, jsonText, type PgGuard } from './connection.js';
import { appendRegisterRecords } from './register-records.js';
import { timerColumns } from './timer-columns.js';
import type { RegisterBatch } from '../../housing/index.js';

export class PostgresInstances implements InstanceRepository {
  constructor(
    private readonly guard: PgGuard,
    /** This server's name, written beside the register records it appends. */
    private readonly writer: string,
  ) {}

  async listSummaries(): Promise<InstanceSummary[]> {
    const { rows } = await this.guard.readable().query<{ summary: InstanceSummary }>('SELECT summary FROM instances');
    return rows.map((row) => row.summary);
  }

  async load(id: string): Promise<InstanceDocument | null> {
    assertSafeName(id, 'ärende-id (instance id)');
    const { rows } = await this.guard
      .readable()
      .query<{ summary: InstanceSummary; engine_state: unknown; last_entries: HistoryEntry[] }>(
        'SELECT summary, engine_state, last_entries FROM instances WHERE id = $1',
        [id],
      );
    const row = rows[0];
    return row ? { summary: row.summary, engineState: row.engine_state, lastEntries: row.last_entries } : null;
  }

  save(doc: InstanceDocument, expectedRev: number | null): Promise<void> {
    return this.store(doc, expectedRev, null);
  }

  /** The document and the register's records in one transaction, after checking nobody else changed the register. */
  saveWithRegister(doc: InstanceDocument, expectedRev: number | null, batch: RegisterBatch): Promise<void> {
    return this.store(doc, expectedRev, batch);
  }

  /** The usual save is one statement; with register records, or a culled case's history to rewrite, a transaction. */
  private async store(doc: InstanceDocument, expectedRev: number | null, batch: RegisterBatch | null): Promise<void> {
    const pool = this.guard.writable();
    const { id, culled } = doc.summary;
    const statement = documentStatement(doc, expectedRev);
    if (!batch && !culled) return storeDocument(pool, statement, id);
    await inTransaction(pool, async (client) => {
      if (batch) await appendRegisterRecords(client, batch, this.writer, id);
      await storeDocument(client, statement, id);
      if (culled) await forgetHistoryValues(client, id, doc.lastEntries);
    });
  }

  async history(id: string): Promise<HistoryEntry[]> {
    assertSafeName(id, 'ärende-id (instance id)');
    const { rows } = await this.guard
      .readable()
      .query<{ entry: HistoryEntry }>('SELECT entry FROM history WHERE instance_id = $1 ORDER BY seq', [id]);
    return rows.map((row) => row.entry);
  }
}

interface Statement {
  text: string;
  values: unknown[];
}

/**
 * One statement (one round trip, atomic by itself) storing a transition: the document checked by its rev, then, only if
 * it was stored, its history entries above the last stored seq, and the case's armed timers (a timer still armed at
 * the same time keeps its claim; one fired or moved loses it).
 */
function documentStatement(doc: InstanceDocument, expectedRev: number | null): Statement {
  const { id, rev } = doc.summary;
  assertSafeName(id, 'ärende-id (instance id)');
  if (!Number.isInteger(rev) || rev < 0 || (expectedRev !== null && rev <= expectedRev)) {
    throw new Error(`Instance ${id}: rev ${rev} must be an integer above the expected rev ${expectedRev}`);
  }
  const values = [id, rev, jsonText(doc.summary, 'Ärendet'), jsonText(doc.engineState ?? null, 'Ärendets tillstånd'), jsonText(doc.lastEntries, 'Historiken')];
  const store =
    expectedRev === null
      ? 'INSERT INTO instances (id, rev, summary, engine_state, last_entries) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id'
      : `UPDATE instances SET rev = $2, summary = $3, engine_state = $4, last_entries = $5, saved_at = now(), written_by_xact = pg_current_xact_id()
         WHERE id = $1 AND rev = $6 RETURNING id`;
  if (expectedRev !== null) values.push(expectedRev);
  const n = values.length;
  // A culled case's history is rewritten by its own statements; its entries are not appended here.
  const fresh = doc.summary.culled ? [] : ascendingUnique(doc.lastEntries);
  const timers = timerColumns(doc.summary);
  return {
    text: `WITH stored AS (${store}),
            added AS (INSERT INTO history (instance_id, seq, entry)
                      SELECT stored.id, e.seq, e.entry FROM stored, unnest($${n + 1}::integer[], $${n + 2}::json[]) AS e(seq, entry)
                      WHERE e.seq > (SELECT coalesce(max(seq), 0) FROM history WHERE instance_id = $1)),
            disarmed AS (DELETE FROM timers WHERE instance_id IN (SELECT id FROM stored) AND NOT (id = ANY ($${n + 3}::text[]))),
            armed AS (INSERT INTO timers (id, instance_id, due_at, record)
                      SELECT t.id, stored.id, t.due_at, t.record FROM stored, unnest($${n + 3}::text[], $${n + 4}::timestamptz[], $${n + 5}::json[]) AS t(id, due_at, record)
                      ON CONFLICT (id) DO UPDATE SET due_at = excluded.due_at, record = excluded.record,
                        claimed_until = CASE WHEN timers.due_at = excluded.due_at THEN timers.claimed_until END)
       SELECT count(*)::integer AS stored FROM stored`,
    values: [
      ...values,
      fresh.map((e) => e.seq),
      fresh.map((e) => jsonText(e, 'Historiken')),
      ...timers,
    ],
  };
}

async function storeDocument(db: pg.Pool | pg.PoolClient, statement: Statement, id: string): Promise<void> {
  const { rows } = await db.query<{ stored: number }>(statement.text, statement.values);
  if (rows[0]?.stored !== 1) throw new StaleRevisionError(id);
}

/** The entries in seq order, each seq once (the first given), as the embedded store appends them. */
function ascendingUnique(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const fresh: HistoryEntry[] = [];
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (Number.isInteger(entry.seq) && entry.seq > (fresh.at(-1)?.seq ?? 0)) fresh.push(entry);
  }
  return fresh;
}

/**
 * A culled case's history: every entry before the culling's own entries kept with its step, time and actor but
 * without its values, then the culling's entries; the same result however often it is redone.
 */
async function forgetHistoryValues(client: pg.PoolClient, id: string, tail: readonly HistoryEntry[]): Promise<void> {
  const firstOfTail = tail.length ? Math.min(...tail.map((e) => e.seq)) : 2 ** 31 - 1;
  const { rows } = await client.query<{ seq: number; entry: HistoryEntry }>(
    'SELECT seq, entry FROM history WHERE instance_id = $1 AND seq < $2 ORDER BY seq',
    [id, firstOfTail],
  );
  await client.query('DELETE FROM history WHERE instance_id = $1', [id]);
  await insertEntries(client, id, [...rows.map((row) => ({ ...row.entry, data: null })), ...[...tail].sort((a, b) => a.seq - b.seq)]);
}

async function insertEntries(client: pg.PoolClient, id: string, entries: readonly HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await client.query(
    'INSERT INTO history (instance_id, seq, entry) SELECT $1, e.seq, e.entry FROM unnest($2::integer[], $3::json[]) AS e(seq, entry)',
    [id, entries.map((e) => e.seq), entries.map((e) => jsonText(e, 'Historiken'))],
  );
}
