// The InstanceRepository on PostgreSQL: a row per instance (its rev the optimistic lock) and a row per history entry,
// both written by one transaction, so a save is stored whole or not at all.
import type pg from 'pg';
import { type HistoryEntry, type InstanceDocument, type InstanceRepository, type InstanceSummary, StaleRevisionError } from '../../engine/index.js';
import { assertSafeName } from '../safe-name.js';
import { inTransaction, jsonText, type PgGuard } from './connection.js';

export class PostgresInstances implements InstanceRepository {
  constructor(private readonly guard: PgGuard) {}

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

  async save(doc: InstanceDocument, expectedRev: number | null): Promise<void> {
    const pool = this.guard.writable();
    const { id, rev } = doc.summary;
    assertSafeName(id, 'ärende-id (instance id)');
    if (!Number.isInteger(rev) || rev < 0 || (expectedRev !== null && rev <= expectedRev)) {
      throw new Error(`Instance ${id}: rev ${rev} must be an integer above the expected rev ${expectedRev}`);
    }
    const values = [id, rev, jsonText(doc.summary, 'Ärendet'), jsonText(doc.engineState ?? null, 'Ärendets tillstånd'), jsonText(doc.lastEntries, 'Historiken')];
    const storeDocument =
      expectedRev === null
        ? 'INSERT INTO instances (id, rev, summary, engine_state, last_entries) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id'
        : 'UPDATE instances SET rev = $2, summary = $3, engine_state = $4, last_entries = $5, saved_at = now() WHERE id = $1 AND rev = $6 RETURNING id';
    const revValues = expectedRev === null ? values : [...values, expectedRev];
    if (doc.summary.culled) {
      await inTransaction(pool, async (client) => {
        if ((await client.query(storeDocument, revValues)).rowCount !== 1) throw new StaleRevisionError(id);
        await forgetHistoryValues(client, id, doc.lastEntries);
      });
      return;
    }
    // The usual save in one statement (one round trip, atomic by itself): the document, then its entries above the
    // last stored seq, appended only if the document was stored.
    const fresh = ascendingUnique(doc.lastEntries);
    const n = revValues.length;
    const { rows } = await pool.query<{ stored: number }>(
      `WITH stored AS (${storeDocument}),
            added AS (INSERT INTO history (instance_id, seq, entry)
                      SELECT stored.id, e.seq, e.entry FROM stored, unnest($${n + 1}::integer[], $${n + 2}::json[]) AS e(seq, entry)
                      WHERE e.seq > (SELECT coalesce(max(seq), 0) FROM history WHERE instance_id = $1))
       SELECT count(*)::integer AS stored FROM stored`,
      [...revValues, fresh.map((e) => e.seq), fresh.map((e) => jsonText(e, 'Historiken'))],
    );
    if (rows[0]?.stored !== 1) throw new StaleRevisionError(id);
  }

  async history(id: string): Promise<HistoryEntry[]> {
    assertSafeName(id, 'ärende-id (instance id)');
    const { rows } = await this.guard
      .readable()
      .query<{ entry: HistoryEntry }>('SELECT entry FROM history WHERE instance_id = $1 ORDER BY seq', [id]);
    return rows.map((row) => row.entry);
  }
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
