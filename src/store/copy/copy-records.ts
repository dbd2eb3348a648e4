// Copies the embedded store's diagrams, settings and cases into the database: diagrams in the order they were added
// (the registry compiles them in that order), each case with its whole history in one transaction.
import path from 'node:path';
import { readJsonFile } from '../durable-json-file.js';
import { insertInstanceWithHistory } from '../postgres/copy-target.js';
import { progress, type CopyContext } from './copy-context.js';
import { CopyMismatchError } from './copy-errors.js';

/** What was copied of the records: counts, and the history length of every case (for the check). */
export interface CopiedRecords {
  definitions: number;
  settings: string[];
  instances: number;
  history: number;
  historyPerInstance: Map<string, number>;
}

export async function copyRecords(context: CopyContext): Promise<CopiedRecords> {
  const definitions = await copyDefinitions(context);
  const settings = await copySettings(context);
  const { historyPerInstance, history } = await copyInstances(context);
  return { definitions, settings, instances: historyPerInstance.size, history, historyPerInstance };
}

async function copyDefinitions(context: CopyContext): Promise<number> {
  const { source, target } = context;
  const versions = await source.definitions.list();
  const tell = progress(context, 'Processversioner', versions.length);
  for (const [index, version] of versions.entries()) {
    await target.definitions.add(version, await source.definitions.getSource(version.key, version.version));
    tell(index + 1);
  }
  return versions.length;
}

/** The settings' names are known only to the file (the port reads one name at a time); the values go through the port. */
export async function settingNames(dataDir: string): Promise<string[]> {
  const all = await readJsonFile<Record<string, unknown>>(path.join(dataDir, 'settings.json'));
  return all && typeof all === 'object' && !Array.isArray(all) ? Object.keys(all) : [];
}

async function copySettings({ source, target, dataDir, report }: CopyContext): Promise<string[]> {
  const names = await settingNames(dataDir);
  for (const name of names) {
    // A stored null is copied as null: the name is in the file, so the setting exists.
    await target.settings.set(name, await source.settings.get(name));
  }
  report(`Inställningar: ${names.length}`);
  return names;
}

async function copyInstances(context: CopyContext): Promise<{ historyPerInstance: Map<string, number>; history: number }> {
  const ids = (await context.source.instances.listSummaries()).map((summary) => summary.id).sort();
  const tell = progress(context, 'Ärenden', ids.length);
  const historyPerInstance = new Map<string, number>();
  let history = 0;
  for (const [index, id] of ids.entries()) {
    const doc = await context.source.instances.load(id);
    if (!doc) throw new CopyMismatchError(`Ärendet ${id} har en sammanfattning men inget dokument i datakatalogen.`);
    const entries = await context.source.instances.history(id);
    await insertInstanceWithHistory(context.pool, doc, entries);
    historyPerInstance.set(id, entries.length);
    history += entries.length;
    tell(index + 1);
  }
  return { historyPerInstance, history };
}
