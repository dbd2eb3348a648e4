// The DefinitionRepository on PostgreSQL: a row per deployed version, its BPMN source beside its record.
import type { DefinitionRepository, DefinitionVersion } from '../../engine/index.js';
import { assertSafeName } from '../safe-name.js';
import { jsonText, type PgGuard } from './connection.js';

/** PostgreSQL's code for a unique violation: the version is already stored. */
const UNIQUE_VIOLATION = '23505';

/** Listed in the order they were added, as the embedded store's index keeps them. */
export class PostgresDefinitions implements DefinitionRepository {
  constructor(private readonly guard: PgGuard) {}

  async list(): Promise<DefinitionVersion[]> {
    const { rows } = await this.guard.readable().query<{ record: DefinitionVersion }>('SELECT record FROM definitions ORDER BY added');
    return rows.map((row) => row.record);
  }

  async getSource(key: string, version: number): Promise<string> {
    checkVersion(key, version);
    const { rows } = await this.guard
      .readable()
      .query<{ source: string }>('SELECT source FROM definitions WHERE key = $1 AND version = $2', [key, version]);
    if (!rows[0]) throw new Error(`Processen ${key} version ${version} finns inte (definition source not found)`);
    return rows[0].source;
  }

  async add(version: DefinitionVersion, source: string): Promise<void> {
    const pool = this.guard.writable();
    checkVersion(version.key, version.version);
    try {
      await pool.query('INSERT INTO definitions (key, version, record, source) VALUES ($1, $2, $3, $4)', [
        version.key,
        version.version,
        jsonText({ ...version }, 'Processversionen'),
        source,
      ]);
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      throw new Error(`Processen ${version.key} version ${version.version} finns redan (version already stored)`);
    }
  }
}

function checkVersion(key: string, version: number): void {
  assertSafeName(key, 'processnyckel (process key)');
  if (!Number.isInteger(version) || version < 1) throw new Error(`Ogiltig version: ${version} (must be an integer ≥ 1)`);
}
