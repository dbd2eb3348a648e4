// The legal record of a decision: its header, its case events and the status they give. Imported by handlers
// (which record events), the engine (which keeps them on the case), reports and the runtime.
export { caseEventTypes, type CaseEvent, type CaseEventType } from './case-event.js';
export { decisionLaws, decisionStatuses, eventFits, foldDecision, type Decision, type DecisionHeader, type DecisionLaw, type DecisionStatus } from './decision.js';
export { carriedDecision, carriedDecisions, decisionFieldNames, decisionHeaderFor, startNewDecision, type CarriedDecision, type DecisionCarrier, type EarlierDecision } from './decision-header.js';
export { decisionEvents, decisionsAcrossCases, eventsBeforeHandover, giversByDecision, handedOn, readAcrossCases, type GiversByDecision } from './handed-on-events.js';
