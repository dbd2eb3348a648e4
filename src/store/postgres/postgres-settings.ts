// The SettingsRepository on PostgreSQL: a row per setting, its value as JSON.
import type pg from 'pg';
import type { SettingsRepository } from '../port.js';
import { inTransaction, jsonText, type PgGuard } from './connection.js';

export class PostgresSettings implements SettingsRepository {
  constructor(private readonly guard: PgGuard) {}

  async get<T>(name: string): Promise<T | null> {
    const { rows } = await this.guard.readable().query<{ value: T }>('SELECT value FROM settings WHERE name = $1', [name]);
    return rows[0] ? rows[0].value : null;
  }

  async set<T>(name: string, value: T): Promise<void> {
    await this.store(this.guard.writable(), name, value);
  }

  /** Under a lock of the setting's own for the transaction, so servers changing it take turns. */
  async update<T>(name: string, change: (current: T | null) => T): Promise<T> {
    return inTransaction(this.guard.writable(), async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('boendekoordination.setting.' || $1))", [name]);
      const { rows } = await client.query<{ value: T }>('SELECT value FROM settings WHERE name = $1', [name]);
      const value = change(rows[0] ? rows[0].value : null);
      await this.store(client, name, value);
      return value;
    });
  }

  private async store<T>(db: pg.Pool | pg.PoolClient, name: string, value: T): Promise<void> {
    await db.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value, written_by_xact = pg_current_xact_id()', [
      name,
      jsonText(value, `Inställningen ${name}`),
    ]);
  }
}
