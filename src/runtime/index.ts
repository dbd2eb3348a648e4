// The runtime's public face: what the web and the app may use. Everything below it is reached through these.
export { createRuntime, type RuntimeApi, type RuntimeOptions } from './create-runtime.js';
export type { CaseAnswer, CaseAnswers } from './case-answers.js';
export type { CaseCalls } from './case-calls.js';
export type { ClockMove } from './clock.js';
export { manualDecisionEvents, type DecisionEventInput, type DecisionFilter, type ManualDecisionEvent } from './decisions.js';
export type { BevakningDetail } from './inbox.js';
export type { IncidentView } from './incidents.js';
export type { InstanceFilter, InstanceListItem, InstanceView, WaitingFor } from './instances.js';
export type { CheckFinding, DefinitionCheckResult, ProcessDetail, ProcessListItem } from './processes.js';
export type { TaskFilter, TaskView } from './tasks.js';
export type { Decision, DecisionStatus } from '../decisions/index.js';
export type { IvoReporting } from '../reports/index.js';
export type { Bevakning, DefinitionDiff, EditedVersion, FormFieldProperty, HistoryEntry, InstanceState, TimerValue } from '../engine/index.js';
