// The service-handler registry: the runtime binds `${environment.services.<name>}` to these by name.
import type { ServiceHandler } from './handler.js';
import { addToQueue } from './add-to-queue.js';
import { addToWaitlist } from './add-to-waitlist.js';
import { bookApartment } from './book-apartment.js';
import { computeDeadline } from './compute-deadline.js';
import { findApplicant } from './find-applicant.js';
import { leaveQueue } from './leave-queue.js';
import { leaveWaitlist } from './leave-waitlist.js';
import { recordAnswer } from './record-answer.js';
import { recordCaseEvent } from './record-case-event.js';
import { recordNewDecision } from './record-new-decision.js';
import { recordOffer } from './record-offer.js';
import { registerVacancy } from './register-vacancy.js';
import { releaseApartment } from './release-apartment.js';
import { rentOutApartment } from './rent-out-apartment.js';
import { reserveApartment } from './reserve-apartment.js';
import { sendBevakning } from './send-bevakning.js';
import { sendCaseMessage } from './send-case-message.js';

export { BpmnBusinessError, defineHandler } from './handler.js';
export { businessErrors } from './business-errors.js';
export type { CaseMessagePort, HandlerContext, HandlerLogger, InboxPort, ServiceHandler } from './handler.js';

/** Every handler a diagram may name; add a new handler's file here. */
export const defaultHandlers: ServiceHandler<any>[] = [
  sendBevakning,
  recordCaseEvent,
  computeDeadline,
  addToQueue,
  leaveQueue,
  registerVacancy,
  reserveApartment,
  recordOffer,
  recordAnswer,
  releaseApartment,
  bookApartment,
  rentOutApartment,
  addToWaitlist,
  leaveWaitlist,
  sendCaseMessage,
  findApplicant,
  recordNewDecision,
];
