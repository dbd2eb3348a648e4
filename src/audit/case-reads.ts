// The durable access log: every read of a case (who, which case, what, when) appended to a journal, read back newest first.
import { z } from 'zod';

/** The append-only log the reads are kept in, never rewritten; a store's journal satisfies it. */
export interface AccessLogJournal {
  readAll(): Promise<unknown[]>;
  append(records: unknown[]): Promise<void>;
  /** If the journal is kept in segments: only those that may hold reads in [from, to), newest first. */
  readSegments?(range: { from?: string; to?: string }): AsyncIterable<unknown[]>;
}

/**
 * What was read: one case (its page, diagram, the API's instance or history, a task page), or many at once (the case
 * list, a search, the housing queue, offers or waitlist, the IVO report, the statistics page), which names the cases it showed.
 */
export const caseReadKinds = ['page', 'diagram', 'instance', 'history', 'task', 'list', 'search', 'queue', 'offers', 'waitlist', 'ivo-report', 'statistics'] as const;
export type CaseReadKind = (typeof caseReadKinds)[number];

/** One read of one case; it holds nothing of the case's content. */
export interface CaseRead {
  /** When, by the runtime's clock (ISO instant). */
  at: string;
  user: string;
  /** The case read; empty for a read of many. */
  instanceId: string;
  kind: CaseReadKind;
  /** A read of many: the cases it showed (never the search words, which may be a person's name). */
  shown?: string[];
}

/** Which reads to list; at most `limit`, newest first. */
export interface CaseReadFilter {
  instanceId?: string;
  /** Reads of any of these cases (a person's cases), lists that showed one included. */
  instanceIds?: ReadonlySet<string>;
  user?: string;
  /** Reads at or after `from` and before `to` (ISO instants). */
  from?: string;
  to?: string;
  limit: number;
}

/** The most a listing returns, whatever the caller asks for. */
export const maxCaseReads = 1000;

const CaseReadSchema = z.object({
  at: z.string(),
  user: z.string(),
  instanceId: z.string(),
  kind: z.enum(caseReadKinds),
  shown: z.array(z.string()).optional(),
});

/** Appends one read durably; resolves once it is on disk. */
export async function appendCaseRead(journal: AccessLogJournal, read: Omit<CaseRead, 'at'>, now: Date): Promise<CaseRead> {
  const record: CaseRead = { at: now.toISOString(), user: read.user, instanceId: read.instanceId, kind: read.kind, ...(read.shown ? { shown: [...read.shown] } : {}) };
  await journal.append([record]);
  return record;
}

/** The reads matching the filter, newest first (later appends first when two share a time). */
export async function listCaseReads(journal: AccessLogJournal, filter: CaseReadFilter): Promise<CaseRead[]> {
  const limit = Math.max(0, Math.min(Math.floor(filter.limit), maxCaseReads));
  const found: CaseRead[] = [];
  if (limit === 0) return found;
  // Newest segment first, so a listing stops reading once it has its reads, and never opens months outside its dates.
  for await (const records of segmentsOf(journal, filter)) {
    for (let i = records.length - 1; i >= 0; i--) {
      const read = matching(records[i], filter);
      if (read) found.push(read);
      if (found.length === limit) return found;
    }
  }
  return found;
}

async function* segmentsOf(journal: AccessLogJournal, { from, to }: CaseReadFilter): AsyncIterable<unknown[]> {
  if (journal.readSegments) yield* journal.readSegments({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  else yield await journal.readAll();
}

function matching(record: unknown, filter: CaseReadFilter): CaseRead | null {
  const parsed = CaseReadSchema.safeParse(record, { jitless: true });
  if (!parsed.success) return null; // a line written by a later version is skipped rather than failing the page
  const read = parsed.data;
  // A case's reads include the lists and reports it was shown in.
  if (filter.instanceId !== undefined && read.instanceId !== filter.instanceId && !read.shown?.includes(filter.instanceId)) return null;
  if (filter.user !== undefined && read.user !== filter.user) return null;
  if (filter.instanceIds !== undefined && !filter.instanceIds.has(read.instanceId) && !read.shown?.some((id) => filter.instanceIds!.has(id))) return null;
  if (filter.from !== undefined && read.at < filter.from) return null;
  if (filter.to !== undefined && read.at >= filter.to) return null;
  return read;
}
