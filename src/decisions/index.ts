// The legal record of a decision: its case events. Imported by handlers (which record them), engine and reports.
export { caseEventTypes, type CaseEvent, type CaseEventType } from './case-event.js';
