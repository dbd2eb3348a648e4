// Checks the copied access log month by month, as the database gives it, against the digests taken while copying: a
// month's records in the database are its chunks from the data directory's segments, oldest segment first.
import type { Store } from '../port.js';
import { chunksByMonth, monthKey, type MonthChunk } from './copy-journals.js';
import { CopyMismatchError } from './copy-errors.js';

export async function verifyAccessLog(target: Store, expected: ReadonlyMap<string, MonthChunk[]>): Promise<void> {
  if (!target.accessLog.readSegments) throw new Error('Åtkomstloggen kan inte läsas månad för månad.');
  const seen = new Set<string>();
  for await (const records of target.accessLog.readSegments({})) {
    const month = records.length ? monthKey(records[0]) : 'none';
    const chunks = expected.get(month);
    if (!chunks || seen.has(month)) throw new CopyMismatchError(`Åtkomstloggen: månaden ${month} finns inte i datakatalogen.`);
    seen.add(month);
    let start = 0;
    for (const chunk of chunks) {
      const copied = chunksByMonth(records.slice(start, start + chunk.count)).get(month);
      if (copied?.count !== chunk.count || copied.digest !== chunk.digest) {
        throw new CopyMismatchError(`Åtkomstloggen: månaden ${month} skiljer sig från datakatalogens.`);
      }
      start += chunk.count;
    }
    if (start !== records.length) throw new CopyMismatchError(`Åtkomstloggen: månaden ${month} har ${records.length - start} poster för mycket.`);
  }
  const missing = [...expected.keys()].filter((month) => !seen.has(month));
  if (missing.length) throw new CopyMismatchError(`Åtkomstloggen: månaderna ${missing.join(', ')} saknas i databasen.`);
}
