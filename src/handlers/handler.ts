// The contract of a service-task handler: typed input, injected dependencies, no knowledge of the engine or HTTP.
import type { z } from 'zod';
import type { Clock } from '../timers/clock.js';

export interface HandlerLogger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

/** Effects a handler may cause; the runtime stores them together with the transition. */
export interface InboxPort {
  send(message: { group: string; subject: string; body: string }): void;
}

export interface HandlerContext {
  instance: { id: string; processKey: string; version: number; businessKey: string | null };
  elementId: string;
  variables: Readonly<Record<string, unknown>>;
  clock: Clock;
  logger: HandlerLogger;
  inbox: InboxPort;
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
