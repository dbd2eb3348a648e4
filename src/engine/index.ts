// The engine's public face for the runtime: definitions, the coordinators of transitions, and the records.
// bpmn-engine itself stays behind it; only src/runtime/ imports this.
export { parseBpmn } from './definitions/bpmn-parse.js';
export { processKeyFrom } from './definitions/normalize-process-key.js';
export { mappedVariables } from './definitions/check-call-activity.js';
export { refusedElementTypes } from './definitions/check-flow-element.js';
export { type DefinitionDiff, type DiagramVersion, diffDefinitions, type FormFieldProperty, type TimerValue } from './definitions/definition-diff.js';
export { DefinitionRegistry, type EditedVersion, VersionConflictError } from './definitions/definition-registry.js';
export { caseReaderRoles, processRoles, waitingMessages, waitsForMessage, type CompiledDefinition } from './definitions/process-model.js';
export { reservedVariableNames } from './elements/process-variables.js';
export { itemLabel } from './execution/multi-instance-items.js';
export { InstanceIndex } from './instance-index.js';
export { InstanceTransitions } from './instance-transitions.js';
export { type Bevakning, type CallRecord, type CulledMark, type DefinitionRepository, type DefinitionVersion, type HistoryEntry, type Incident, type InstanceDocument, type InstanceRepository, type InstanceState, type InstanceSummary, type OutgoingMessage, StaleRevisionError, type TaskRecord, type TimerRecord } from './records/index.js';
export { TimerScheduler } from './timer-scheduler.js';
