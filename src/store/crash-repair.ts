// Boot-time repair of what a crash can leave between a document and its history and summary.
import { readdir, stat } from 'node:fs/promises';
import { mapBounded } from './bounded-pool.js';
import { CorruptFileError } from './durable-json-file.js';
import type { InstanceFiles } from './instance-files.js';
import { readStoredRev } from './stored-rev.js';

const CONCURRENCY = 64;
const DOCUMENT = /^([A-Za-z0-9][A-Za-z0-9_-]{0,99})\.json$/;

/**
 * Finishes every transition whose document was stored but whose history or summary was not, and returns how many.
 * A save writes document → history → summary, so a summary at least as new as its document is only read when the
 * file times cannot tell (the same timestamp tick), and then only its first bytes.
 */
export async function repairInstances(instancesDir: string, files: InstanceFiles): Promise<number> {
  const ids = (await readdir(instancesDir)).flatMap((name) => DOCUMENT.exec(name)?.[1] ?? []);
  const repaired = await mapBounded(ids, CONCURRENCY, async (id) => {
    if (!(await summaryIsBehind(files, id))) return false;
    return files.repair(id);
  });
  return repaired.filter(Boolean).length;
}

async function summaryIsBehind(files: InstanceFiles, id: string): Promise<boolean> {
  const [documentStat, summaryStat] = await Promise.all([
    stat(files.documentFile(id)),
    stat(files.summaryFile(id)).catch(ignoreMissing),
  ]);
  if (!summaryStat) return true;
  if (documentStat.mtimeMs < summaryStat.mtimeMs) return false;
  const summaryRev = await readStoredRev(files.summaryFile(id)).catch((error: unknown) => {
    if (error instanceof CorruptFileError) return null; // a summary is derived data: rebuild it from the document
    throw error;
  });
  return summaryRev !== (await readStoredRev(files.documentFile(id)));
}

function ignoreMissing(error: NodeJS.ErrnoException): null {
  if (error.code === 'ENOENT') return null;
  throw error;
}
