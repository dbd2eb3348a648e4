// The access log as the runtime serves it: record a read of a case at the clock's time, list the reads.
import { appendCaseRead, listCaseReads, type AccessLogJournal, type CaseRead, type CaseReadFilter, type CaseReadKind } from './case-reads.js';

export function createAccessLog({ journal, now }: { journal: AccessLogJournal; now: () => Date }) {
  return {
    /** Records one read of a case durably in the access log, at the runtime clock's time; resolves once stored. */
    async recordCaseRead(read: { user: string; instanceId: string; kind: CaseReadKind; shown?: string[] }): Promise<void> {
      await appendCaseRead(journal, read, now());
    },

    /** Reads of cases from the access log, newest first, at most `limit` (never more than 1000). */
    listCaseReads(filter: CaseReadFilter): Promise<CaseRead[]> {
      return listCaseReads(journal, filter);
    },
  };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
