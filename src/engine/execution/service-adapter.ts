// Binds registered handlers to the engine's `(scope, callback)` service convention; the only file that knows it.
import { evaluateFeel } from '../../expressions/index.js';
import { BpmnBusinessError, type HandlerContext, type ServiceHandler } from '../../handlers/index.js';
import { catchesError, type ProcessModel } from '../definitions/process-model.js';
import { processVariables, reservedVariableNames } from '../elements/process-variables.js';
import type { StepParking } from '../elements/durable-timers.js';

interface ExecutionScope {
  content: { id: string };
  environment: { variables: Record<string, unknown> };
}

type EngineService = (scope: ExecutionScope, callback: (err: unknown, result?: unknown) => void) => void;

export interface ServiceBinding extends StepParking {
  model: ProcessModel;
  /** What a handler gets besides its input, for the step that runs it. */
  context: (elementId: string) => Omit<HandlerContext, 'variables'>;
  /** Every handler call is tracked so the session knows when the engine has settled. */
  track(work: Promise<unknown>): void;
  /** Sets a handler's results for the whole case, a sub-process's copy of the variables and the process's alike. */
  share(values: Record<string, unknown>): void;
}

export function bindServices(handlers: ReadonlyMap<string, ServiceHandler<unknown>>, binding: ServiceBinding): Record<string, EngineService> {
  // No prototype: a lookup such as `${environment.services.constructor}` finds nothing.
  const services: Record<string, EngineService> = Object.create(null);
  for (const handler of handlers.values()) {
    services[handler.name] = (scope, callback) => {
      const elementId = scope.content.id;
      // One attempt: success continues the process, a business error the diagram catches takes its boundary, and
      // anything else is thrown to the caller (the first try opens an incident, a retry reports it).
      const attempt = async () => {
        let vars: Record<string, unknown>;
        try {
          vars = await callHandler(handler, scope, binding);
        } catch (err) {
          if (err instanceof BpmnBusinessError && catchesError(binding.model, elementId, err.code)) return callback(toEngineError(err));
          throw err;
        }
        callback(null, vars);
      };
      if (binding.hasIncident(elementId)) return binding.park(elementId, attempt);
      binding.track(attempt().catch((err: unknown) => binding.park(elementId, attempt, { message: incidentMessage(err) })));
    };
  }
  return services;
}

/** What a person fixing the step should read: the handler's own words, or the code of a business error nobody catches. */
export function incidentMessage(err: unknown): string {
  if (err instanceof BpmnBusinessError) return `${err.message} (${err.code}; diagrammet fångar inte felet)`;
  return err instanceof Error ? err.message : String(err);
}

async function callHandler(handler: ServiceHandler<unknown>, scope: ExecutionScope, binding: ServiceBinding) {
  const elementId = scope.content.id;
  const variables = processVariables(scope.environment.variables);
  const properties = binding.model.serviceTasks.get(elementId)?.properties ?? {};
  const context = binding.context(elementId);
  const rawInput: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) {
    const resolved = value.startsWith('=') ? evaluateFeel(value, variables, { now: context.clock.now() }) : value;
    // FEEL null (a variable nobody filled in) means the input is left out, so optional inputs stay optional.
    if (resolved !== null && resolved !== undefined) rawInput[name] = resolved;
  }
  const parsed = handler.input.safeParse(rawInput);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'indata'}: ${i.message}`).join('; ');
    throw new Error(`Hanteraren ${handler.name} fick ogiltig indata (${detail})`);
  }
  const result = (await withTimeout(handler.run(parsed.data, { ...context, variables }), handler.name)) ?? {};
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(result)) {
    if (!reservedVariableNames.has(key)) kept[key] = scope.environment.variables[key] = value;
  }
  binding.share(kept);
  return result;
}

/** A business error becomes an engine error with `code`, which the error boundary with that errorCode catches. */
function toEngineError(err: unknown): Error {
  if (err instanceof BpmnBusinessError) return Object.assign(new Error(err.message), { code: err.code });
  return err instanceof Error ? err : new Error(String(err));
}

/** A handler that never answers would hold its instance (and the scheduler) forever; it fails the instance instead. */
export const handlerTimeoutMs = 30_000;

function withTimeout<T>(work: Promise<T>, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Hanteraren ${name} svarade inte inom ${handlerTimeoutMs / 1000} sekunder`)), handlerTimeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
