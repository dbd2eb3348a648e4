// The facts about a decision that the law's reports are built from: an offer, a decline, the day it was executed, …

/** `overlamnad`: the decision continues in another instance (e.g. internal → external placement), which reports it. */
export const caseEventTypes = ['erbjudande', 'avbojt', 'verkstallt', 'avslutat', 'avbrott', 'aterupptagen', 'drojsmal', 'overlamnad'] as const;
export type CaseEventType = (typeof caseEventTypes)[number];

/** A fact about the case for the reports (IVO): an offer, a decline, the day it was executed, … */
export interface CaseEvent {
  type: CaseEventType;
  /** The day it happened (YYYY-MM-DD). */
  date: string;
  reason: string | null;
  /** When it was recorded, by the clock. */
  at: string;
  /** Who recorded it by hand (`POST /api/decisions/:id/events`); absent when a step of the routine recorded it. */
  actor?: string | null;
}
