// The access log's public face: every read of a case, who and when, recorded and listed for the auditor.
export { createAccessLog } from './access-log.js';
export { maxCaseReads, type CaseRead, type CaseReadKind } from './case-reads.js';
