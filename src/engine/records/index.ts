// The engine's records and the repositories it needs; store adapters and the runtime import them from here.
export type { DefinitionVersion } from './definition-version.js';
export type { Bevakning, CallRecord, CalledBy, CulledMark, HistoryEntry, Incident, InstanceDocument, InstanceState, InstanceSummary, OutgoingMessage, TaskRecord, TimerRecord } from './instance-records.js';
export { StaleRevisionError, type DefinitionRepository, type InstanceRepository } from './repositories.js';
