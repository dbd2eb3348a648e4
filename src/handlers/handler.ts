// The contract of a service-task handler: typed input, injected dependencies, no knowledge of the engine or HTTP.
import type { z } from 'zod';
import type { HousingEvent, HousingState } from '../housing/index.js';
import type { CaseEventType } from '../decisions/index.js';
import type { Clock } from '../timers/index.js';

export interface HandlerLogger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

/** Effects a handler may cause; the runtime stores them together with the transition. */
export interface InboxPort {
  send(message: { group: string; subject: string; body: string; unit?: string }): void;
}

/** The housing register as a step sees it: read the current state, change it only by events. */
export interface HousingPort {
  readonly state: Readonly<HousingState>;
  /** Applied at once; written with the transition, taken back if the transition is not stored. */
  emit(event: HousingEvent): void;
}

/** Facts about the case that reports (IVO) are computed from; they land in the instance's history. */
export interface CaseEventPort {
  record(type: CaseEventType, data: { date: string; reason?: string | null }): void;
  /** A new decision replaces the case's current one from here on (a new order); events recorded after it are its own. */
  newDecision(data: { beslutsdatum: string }): void;
}

/** Messages to other cases (an offer to the applicant's decision case, the answer back), sent with this step. */
export interface CaseMessagePort {
  /** Why case `to` cannot take `message` now (ended, busy, never waits for it); null when it waits for it. */
  refusal(to: string, message: string): string | null;
  /** Stored with this step and delivered once the step is stored. */
  send(to: string, message: string, variables: Record<string, unknown>): void;
}

export interface HandlerContext {
  instance: { id: string; processKey: string; version: number; businessKey: string | null };
  elementId: string;
  variables: Readonly<Record<string, unknown>>;
  clock: Clock;
  logger: HandlerLogger;
  inbox: InboxPort;
  housing: HousingPort;
  caseEvents: CaseEventPort;
  caseMessages: CaseMessagePort;
}

/**
 * A service task binds to a handler by name: `implementation="${environment.services.<name>}"`.
 * Its input is the task's `camunda:properties` (a value starting with `=` is FEEL over the variables),
 * parsed with `input`. What it returns is merged into the process variables.
 */
export interface ServiceHandler<I = unknown> {
  name: string;
  /** Swedish title for the catalogue, e.g. "Skicka bevakning". */
  title: string;
  input: z.ZodType<I>;
  run(input: I, context: HandlerContext): Promise<Record<string, unknown> | void>;
}

/** A business outcome that the diagram models with an error boundary event of this `errorCode`. */
export class BpmnBusinessError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? code);
    this.name = 'BpmnBusinessError';
  }
}

/** Keeps the handler's input type when it is put into the registry. */
export function defineHandler<I>(handler: ServiceHandler<I>): ServiceHandler<I> {
  return handler;
}
