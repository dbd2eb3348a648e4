// The service-handler registry: the runtime binds `${environment.services.<name>}` to these by name.
import type { ServiceHandler } from './handler.js';
import { sendBevakning } from './send-bevakning.js';

export { BpmnBusinessError, defineHandler } from './handler.js';
export type { HandlerContext, HandlerLogger, InboxPort, ServiceHandler } from './handler.js';

/** Every handler a diagram may name; add a new handler's file here. */
export const defaultHandlers: ServiceHandler<any>[] = [sendBevakning];
