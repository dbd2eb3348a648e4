// The variables of a running engine: the process's own object and the copies its running sub-processes work on.
import type { EngineInstance } from '../elements/create-engine.js';
import { waitingVariables, type PostponedApi } from './waiting-activities.js';

/** What the engine waits at now, as bpmn-elements lists it (a sub-process lists its own inside). */
export function postponedOf(engine: EngineInstance): PostponedApi[] {
  return engine.execution?.getPostponed() ?? [];
}

/** The process environment's variables object, shared by every activity of the running process. */
export function processScope(engine: EngineInstance): Record<string, unknown> {
  const definition = engine.execution?.definitions[0] as { getProcesses(): { environment: { variables: Record<string, unknown> } }[] } | undefined;
  return definition?.getProcesses()[0]?.environment.variables ?? {};
}

/** Sets variables for the whole case: the process's and every running sub-process's copy (waiting-activities.ts). */
export function assignEverywhere(engine: EngineInstance, values: Record<string, unknown>): void {
  const scopes = new Set([processScope(engine), ...waitingVariables(postponedOf(engine))]);
  for (const scope of scopes) Object.assign(scope, values);
}
