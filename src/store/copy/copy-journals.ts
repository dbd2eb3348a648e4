// Copies the journals: the housing register's changes and the gallring log whole (the server reads them whole too),
// the access log one segment at a time so it is never held whole. The embedded access log is read newest segment
// first, so a first pass counts each segment and the second places its records at the seqs of their append order.
import { createHash } from 'node:crypto';
import { monthOf } from '../journal-segments.js';
import { continueJournalSeq, insertJournalAt, lastJournalSeq } from '../postgres/copy-target.js';
import { progress, type CopyContext } from './copy-context.js';
import { CopyMismatchError } from './copy-errors.js';

/** Records per insert: a month of the access log may hold far more than one statement should carry. */
const BATCH = 1000;

/** A month's records of one access-log segment: how many, and a digest of them in order (for the check). */
export interface MonthChunk {
  count: number;
  digest: string;
}

export interface CopiedJournals {
  housing: number;
  gallring: number;
  access: number;
  /** Per month (`none` for records without a time), its chunks oldest first. */
  accessMonths: Map<string, MonthChunk[]>;
}

export async function copyJournals(context: CopyContext): Promise<CopiedJournals> {
  let next = (await lastJournalSeq(context.pool)) + 1;
  const housing = await context.source.housingJournal.readAll();
  await place(context, 'housing', next, housing);
  next += housing.length;
  context.report(`Bostadsregistrets ändringar: ${housing.length}`);
  const gallring = await context.source.gallringLog.readAll();
  await place(context, 'gallring', next, gallring);
  next += gallring.length;
  context.report(`Gallringsloggen: ${gallring.length}`);
  const { access, accessMonths } = await copyAccessLog(context, next);
  await continueJournalSeq(context.pool);
  return { housing: housing.length, gallring: gallring.length, access, accessMonths };
}

async function copyAccessLog(context: CopyContext, firstSeq: number): Promise<{ access: number; accessMonths: Map<string, MonthChunk[]> }> {
  const counts: number[] = [];
  for await (const segment of segmentsOf(context)) counts.push(segment.length);
  const access = counts.reduce((sum, n) => sum + n, 0);
  const tell = progress(context, 'Åtkomstloggens delar', counts.length);
  const accessMonths = new Map<string, MonthChunk[]>();
  let index = 0;
  let above = access; // records in this segment and every older one
  for await (const segment of segmentsOf(context)) {
    if (segment.length !== counts[index]) throw new CopyMismatchError('Åtkomstloggen ändrades under kopieringen.');
    above -= segment.length;
    await place(context, 'access', firstSeq + above, segment);
    for (const [month, chunk] of chunksByMonth(segment)) accessMonths.set(month, [chunk, ...(accessMonths.get(month) ?? [])]);
    tell(++index);
  }
  context.report(`Åtkomstloggen: ${access} poster`);
  return { access, accessMonths };
}

function segmentsOf({ source }: CopyContext): AsyncIterable<unknown[]> {
  if (!source.accessLog.readSegments) throw new Error('Åtkomstloggen kan inte läsas månad för månad.');
  return source.accessLog.readSegments({});
}

async function place(context: CopyContext, journal: string, firstSeq: number, records: readonly unknown[]): Promise<void> {
  for (let start = 0; start < records.length; start += BATCH) {
    await insertJournalAt(context.pool, journal, firstSeq + start, records.slice(start, start + BATCH));
  }
}

/** The month a journal record is filed under (`none` without a time), as the database files it. */
export function monthKey(record: unknown): string {
  return monthOf((record as { at?: unknown } | null)?.at) ?? 'none';
}

/** The records of each month in the segment, counted and digested in their order. */
export function chunksByMonth(records: readonly unknown[]): Map<string, MonthChunk> {
  const hashes = new Map<string, { count: number; hash: ReturnType<typeof createHash> }>();
  for (const record of records) {
    const month = monthKey(record);
    const chunk = hashes.get(month) ?? { count: 0, hash: createHash('sha256') };
    chunk.hash.update(`${JSON.stringify(record)}\n`);
    chunk.count += 1;
    hashes.set(month, chunk);
  }
  return new Map([...hashes].map(([month, { count, hash }]) => [month, { count, digest: hash.digest('hex') }]));
}
