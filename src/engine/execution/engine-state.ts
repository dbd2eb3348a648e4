// The engine's state to store, as bpmn-engine's getState() gives it but without each definition's `source`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { EngineInstance } from '../elements/create-engine.js';

/** The version bpmn-engine's getState() writes (its package.json is not in its exports, so read beside its entry). */
const engineVersion = (JSON.parse(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('bpmn-engine')), '..', 'package.json'), 'utf8')) as { version: string }).version;

interface Execution {
  state: string;
  stopped: boolean;
  environment: { getState(): unknown };
  definitions: { getState(): Record<string, unknown> }[];
}

/**
 * getState() serialises the whole diagram into every definition's `source` (0.3–0.9 ms and 40–240 kB of garbage per
 * transition for our routines), which we drop at once: the stored version's compiled definition is the source on
 * recover. So the same object is built here from the running execution's parts, without the source.
 */
export async function engineStateOf(engine: EngineInstance): Promise<unknown> {
  const execution = engine.execution as unknown as Execution | undefined;
  if (!execution) {
    // Not run yet (never the case when a transition stores): the engine's own, without the source.
    const state = (await engine.getState()) as { definitions?: { source?: unknown }[] };
    for (const d of state.definitions ?? []) delete d.source;
    return state;
  }
  return {
    name: engine.name,
    state: execution.state,
    stopped: execution.stopped,
    engineVersion,
    environment: execution.environment.getState(),
    definitions: execution.definitions.map((definition) => definition.getState()),
  };
}
