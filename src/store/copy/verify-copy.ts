// Checks the copy by reading it back: rows per table and per case's history, then every document, history entry,
// diagram (byte for byte), setting and journal record compared with the data directory's. A difference is named by
// ids and counts, never by the values (they hold personal data).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { countHistoryRows, countRows } from '../postgres/copy-target.js';
import { progress, type CopyContext } from './copy-context.js';
import { CopyMismatchError } from './copy-errors.js';
import type { CopiedJournals } from './copy-journals.js';
import type { CopiedRecords } from './copy-records.js';
import { verifyAccessLog } from './verify-access-log.js';

export async function verifyCopy(context: CopyContext, records: CopiedRecords, journals: CopiedJournals): Promise<void> {
  await verifyCounts(context, records, journals);
  await verifyDefinitions(context);
  for (const name of records.settings) {
    same(await context.source.settings.get(name), await context.target.settings.get(name), `inställningen ${name}`);
  }
  await verifyInstances(context, [...records.historyPerInstance.keys()]);
  same(await context.source.housingJournal.readAll(), await context.target.housingJournal.readAll(), 'bostadsregistrets ändringar');
  same(await context.source.gallringLog.readAll(), await context.target.gallringLog.readAll(), 'gallringsloggen');
  await verifyAccessLog(context.target, journals.accessMonths);
}

async function verifyCounts({ pool }: CopyContext, records: CopiedRecords, journals: CopiedJournals): Promise<void> {
  // Each case's count first: a difference there names the case, where the table's total could not.
  const perInstance = await countHistoryRows(pool);
  for (const [id, count] of records.historyPerInstance) {
    const found = perInstance.get(id) ?? 0;
    if (found !== count) throw new CopyMismatchError(`Ärendet ${id}: ${count} historikposter i datakatalogen men ${found} i databasen.`);
  }
  const stored = await countRows(pool);
  const expected = { instances: records.instances, history: records.history, definitions: records.definitions, settings: records.settings.length };
  const words = { instances: 'ärenden', history: 'historikposter', definitions: 'processversioner', settings: 'inställningar' };
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    if (stored[key] !== expected[key]) throw new CopyMismatchError(`Antal ${words[key]}: ${expected[key]} i datakatalogen men ${stored[key]} i databasen.`);
  }
  for (const journal of ['housing', 'gallring', 'access'] as const) {
    const count = stored.journals[journal] ?? 0;
    if (count !== journals[journal]) throw new CopyMismatchError(`Antal poster i journalen ${journal}: ${journals[journal]} i datakatalogen men ${count} i databasen.`);
  }
}

async function verifyDefinitions({ source, target, dataDir }: CopyContext): Promise<void> {
  const versions = await source.definitions.list();
  same(versions, await target.definitions.list(), 'processversionernas lista och ordning');
  for (const { key, version } of versions) {
    // The file's own bytes, not its text as read: a byte that is not UTF-8 would otherwise pass unseen.
    const bytes = await readFile(path.join(dataDir, 'definitions', key, `v${version}.bpmn`));
    if (!bytes.equals(Buffer.from(await target.definitions.getSource(key, version), 'utf8'))) {
      throw new CopyMismatchError(`Processen ${key} version ${version}: källan skiljer sig byte för byte.`);
    }
  }
}

async function verifyInstances(context: CopyContext, ids: string[]): Promise<void> {
  const { source, target } = context;
  const tell = progress({ ...context, report: (line) => context.report(`Kontroll: ${line}`) }, 'ärenden', ids.length);
  for (const [index, id] of ids.entries()) {
    const [before, after] = [await source.instances.load(id), await target.instances.load(id)];
    if (!before || !after) throw new CopyMismatchError(`Ärendet ${id} saknas i ${before ? 'databasen' : 'datakatalogen'}.`);
    same(before.summary, after.summary, `ärendet ${id}: sammanfattningen`);
    same(before.engineState ?? null, after.engineState ?? null, `ärendet ${id}: motorns tillstånd`);
    same(before.lastEntries, after.lastEntries, `ärendet ${id}: de senaste historikposterna`);
    const [history, copied] = [await source.instances.history(id), await target.instances.history(id)];
    const differs = history.findIndex((entry, n) => JSON.stringify(entry) !== JSON.stringify(copied[n]));
    if (differs >= 0 || history.length !== copied.length) {
      throw new CopyMismatchError(`Ärendet ${id}: historiken skiljer sig${differs >= 0 ? ` från post ${differs + 1}` : ''} (${history.length} mot ${copied.length} poster).`);
    }
    tell(index + 1);
  }
}

/** Equal as JSON text: the database keeps a document's text as written, key order included. */
function same(expected: unknown, actual: unknown, what: string): void {
  if (JSON.stringify(expected) !== JSON.stringify(actual)) throw new CopyMismatchError(`Skillnad efter kopieringen: ${what}.`);
}
