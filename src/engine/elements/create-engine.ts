// One bpmn-engine for one instance: our element behaviours, durable timers, bound services, and no way to run a script.
import { Engine } from 'bpmn-engine';
import type { DurableTimers } from './durable-timers.js';
import { elementOverrides } from './element-types.js';
import { refuseScripts, serviceLookupOnly } from './engine-guards.js';

export type EngineInstance = InstanceType<typeof Engine>;

const silentLogger = () => ({ debug() {}, warn() {}, error() {} });

export function createEngine(options: { name: string; sourceContext: unknown; timers: DurableTimers; services: Record<string, unknown> }): EngineInstance {
  return new Engine({
    ...options,
    elements: elementOverrides,
    scripts: refuseScripts,
    expressions: serviceLookupOnly,
    disableDummyScript: true,
    settings: { enableDummyService: false },
    Logger: silentLogger,
  } as never);
}
