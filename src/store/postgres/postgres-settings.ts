// The SettingsRepository on PostgreSQL: a row per setting, its value as JSON.
import type { SettingsRepository } from '../port.js';
import { jsonText, type PgGuard } from './connection.js';

export class PostgresSettings implements SettingsRepository {
  constructor(private readonly guard: PgGuard) {}

  async get<T>(name: string): Promise<T | null> {
    const { rows } = await this.guard.readable().query<{ value: T }>('SELECT value FROM settings WHERE name = $1', [name]);
    return rows[0] ? rows[0].value : null;
  }

  async set<T>(name: string, value: T): Promise<void> {
    const pool = this.guard.writable();
    await pool.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value, written_by_xact = pg_current_xact_id()', [
      name,
      jsonText(value, `Inställningen ${name}`),
    ]);
  }
}
