// What lets several servers share one database: each reads what the others wrote since it last looked, and due timers
// are claimed so that each fires on one server only.
import type { DefinitionVersion, InstanceSummary, TimerRecord } from '../../engine/index.js';
import type { RegisterBatch } from '../../housing/index.js';
import type { ChangeCursor, SharedStore, StoreChanges } from '../port.js';
import { inTransaction, type PgGuard } from './connection.js';
import { appendRegisterRecords, registerJournal } from './register-records.js';
import { LOCK_KEY, type ServerLock } from './server-lock.js';

/** How long a claimed timer is this server's: far longer than a firing takes, short enough if the server dies. */
const claimSeconds = 60;

export class PostgresShared implements SharedStore {
  constructor(
    private readonly guard: PgGuard,
    readonly serverId: string,
    /** The database lock's connection, where servers say they started. */
    private readonly lock: () => ServerLock | null,
  ) {}

  onServerStarted(listener: () => void): void {
    const lock = this.lock();
    if (!lock) throw new Error('Lagret är inte öppnat (the store is not open)');
    lock.onServerStarted(listener);
  }

  /**
   * One statement, so one snapshot: rows written by transactions at or after the cursor's horizon (some again, which
   * the reader skips by rev; cases by id and rev only, the summaries are read for those the reader lacks), and the register's records after its position (appends take turns, so none is missed).
   */
  async changesSince(cursor: ChangeCursor | null): Promise<StoreChanges> {
    const horizon = cursor?.transactionHorizon ?? '0';
    const { rows } = await this.guard.readable().query<{
      horizon: string;
      instances: { id: string; rev: number }[];
      settings: { name: string; value: unknown }[];
      definitions: DefinitionVersion[];
      register: { position: string; writer: string | null; record: unknown }[];
    }>(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
              (SELECT coalesce(json_agg(json_build_object('id', id, 'rev', rev)), '[]') FROM instances WHERE written_by_xact >= $1::xid8) AS instances,
              (SELECT coalesce(json_agg(json_build_object('name', name, 'value', value)), '[]') FROM settings WHERE written_by_xact >= $1::xid8) AS settings,
              (SELECT coalesce(json_agg(record ORDER BY added), '[]') FROM definitions WHERE written_by_xact >= $1::xid8) AS definitions,
              (SELECT coalesce(json_agg(json_build_object('position', seq::text, 'writer', writer, 'record', record) ORDER BY seq), '[]')
                 FROM journal_records WHERE journal = $2 AND seq > $3) AS register`,
      [horizon, registerJournal, cursor?.registerPosition ?? 0],
    );
    const row = rows[0]!;
    const register = row.register.map((r) => ({ position: Number(r.position), writer: r.writer, record: r.record }));
    return {
      cursor: { transactionHorizon: row.horizon, registerPosition: register.at(-1)?.position ?? cursor?.registerPosition ?? 0 },
      instances: row.instances,
      settings: row.settings,
      definitions: row.definitions,
      register,
    };
  }

  async summaries(ids: readonly string[]): Promise<InstanceSummary[]> {
    if (!ids.length) return [];
    const { rows } = await this.guard.readable().query<{ summary: InstanceSummary }>('SELECT summary FROM instances WHERE id = ANY ($1::text[])', [[...ids]]);
    return rows.map((row) => row.summary);
  }

  async claimDueTimers(until: Date, limit: number, skip: ReadonlySet<string>): Promise<TimerRecord[]> {
    // The earliest due time among the free due timers of cases with none claimed (a case's timers fire one at a time);
    // at it, one timer per case (the lowest id), locked with SKIP LOCKED so a server claiming at the same moment takes
    // others, then marked claimed for `claimSeconds`.
    const { rows } = await this.guard.writable().query<{ record: TimerRecord }>(
      `WITH due AS (SELECT id, instance_id, due_at, (claimed_until IS NULL OR claimed_until < now()) AS free FROM timers
                    WHERE due_at <= $1 AND NOT (id = ANY ($3::text[]))),
            free AS (SELECT * FROM due WHERE free AND instance_id NOT IN (SELECT instance_id FROM due WHERE NOT free)),
            earliest AS (SELECT min(due_at) AS due_at FROM free),
            firsts AS (SELECT min(free.id) AS id FROM free, earliest WHERE free.due_at = earliest.due_at
                       GROUP BY free.instance_id ORDER BY min(free.id) LIMIT $2),
            locked AS (SELECT timers.id FROM timers JOIN firsts USING (id)
                       WHERE timers.claimed_until IS NULL OR timers.claimed_until < now()
                       FOR UPDATE OF timers SKIP LOCKED)
       UPDATE timers SET claimed_until = now() + make_interval(secs => $4)
       FROM locked WHERE timers.id = locked.id
       RETURNING timers.record`,
      [until.toISOString(), limit, [...skip], claimSeconds],
    );
    return rows.map((row) => row.record).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** The servers holding the database's lock shared (each server's own connection), this one left out. */
  async otherServers(): Promise<number> {
    const { rows } = await this.guard.readable().query<{ holders: number }>(
      `SELECT count(*)::integer AS holders FROM pg_locks
       WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 2 AND mode = 'ShareLock' AND granted`,
      [...LOCK_KEY],
    );
    return Math.max(0, (rows[0]?.holders ?? 1) - 1);
  }

  async registerSince(position: number): Promise<StoreChanges['register']> {
    const { rows } = await this.guard
      .readable()
      .query<{ position: string; writer: string | null; record: unknown }>(
        'SELECT seq::text AS position, writer, record FROM journal_records WHERE journal = $1 AND seq > $2 ORDER BY seq',
        [registerJournal, position],
      );
    return rows.map((row) => ({ position: Number(row.position), writer: row.writer, record: row.record }));
  }

  async appendRegister(batch: RegisterBatch): Promise<void> {
    await inTransaction(this.guard.writable(), (client) => appendRegisterRecords(client, batch, this.serverId, null));
  }
}
