// Moves an embedded data directory into an empty PostgreSQL database and checks the result. Both stores are opened
// with their own open(), so a data directory or database a server is using is refused, and the copy holds them both
// until it is done.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DataDirInUseError } from '../data-dir-lock.js';
import { createLowdbStore } from '../lowdb-store.js';
import { createPool } from '../postgres/connection.js';
import { countRows, type TableCounts } from '../postgres/copy-target.js';
import { createPostgresStore } from '../postgres/postgres-store.js';
import type { CopyContext } from './copy-context.js';
import { CopyMismatchError, CopyRefusedError } from './copy-errors.js';
import { copyJournals } from './copy-journals.js';
import { copyRecords } from './copy-records.js';
import { verifyCopy } from './verify-copy.js';

export interface CopyRequest {
  dataDir: string;
  databaseUrl: string;
  report(line: string): void;
}

/** What was copied and checked. */
export interface CopySummary {
  definitions: number;
  instances: number;
  history: number;
  settings: number;
  housing: number;
  gallring: number;
  access: number;
}

export async function copyLowdbToPostgres({ dataDir, databaseUrl, report }: CopyRequest): Promise<CopySummary> {
  const root = path.resolve(dataDir);
  if (!(await isDirectory(root))) throw new CopyRefusedError(`Datakatalogen finns inte: ${root}. Ingenting har kopierats.`);
  // open() would make the store's folders in any directory it is given; a mistyped path must not become a store.
  if (!(await isDirectory(path.join(root, 'definitions'))) && !(await isDirectory(path.join(root, 'instances')))) {
    throw new CopyRefusedError(`${root} är ingen datakatalog (varken definitions/ eller instances/ finns). Ingenting har kopierats.`);
  }
  const source = createLowdbStore(root);
  await source.open().catch((error: unknown) => {
    if (error instanceof DataDirInUseError) throw new CopyRefusedError(`${error.message}\nStoppa servern innan du kopierar. Ingenting har kopierats.`);
    throw error;
  });
  try {
    const target = createPostgresStore({ databaseUrl, use: 'alone' });
    await target.open().catch((error: unknown) => {
      throw new CopyRefusedError(`${error instanceof Error ? error.message : String(error)}\nIngenting har kopierats.`);
    });
    const pool = createPool(databaseUrl);
    try {
      const context: CopyContext = { source, target, pool, dataDir: root, report };
      refuseNonEmpty(await countRows(pool));
      report(`Kopierar ${root} till databasen.`);
      return await copyAndVerify(context).catch(partlyWritten);
    } finally {
      await pool.end();
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => null))?.isDirectory() ?? false;
}

async function copyAndVerify(context: CopyContext): Promise<CopySummary> {
  const records = await copyRecords(context);
  const journals = await copyJournals(context);
  context.report('Kontrollerar kopian: antal per tabell och per ärendes historik, sedan varje dokument läst tillbaka.');
  await verifyCopy(context, records, journals);
  const { definitions, instances, history } = records;
  return { definitions, instances, history, settings: records.settings.length, housing: journals.housing, gallring: journals.gallring, access: journals.access };
}

/** A copy that stopped after writing began says so, so the next attempt starts from an empty database. */
function partlyWritten(error: unknown): never {
  const note = 'Databasen innehåller nu en ofullständig kopia: töm den (eller använd en ny) innan du försöker igen.';
  const reason = error instanceof Error ? error.message : String(error);
  throw error instanceof CopyMismatchError ? new CopyMismatchError(`${reason}\n${note}`) : new Error(`${reason}\n${note}`);
}

/** Anything in the database would mix with the copy (and a server may have used it): only an empty one is filled. */
function refuseNonEmpty(counts: TableCounts): void {
  const found = (
    [
      [counts.instances, 'ärende', 'ärenden'],
      [counts.history, 'historikpost', 'historikposter'],
      [counts.definitions, 'processversion', 'processversioner'],
      [counts.settings, 'inställning', 'inställningar'],
      [Object.values(counts.journals).reduce((sum, n) => sum + n, 0), 'journalpost', 'journalposter'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  if (found.length === 0) return;
  throw new CopyRefusedError(
    `Databasen är inte tom (${found.join(', ')}). Ingenting har kopierats. ` +
      'Kopiera till en ny, tom databas.',
  );
}
