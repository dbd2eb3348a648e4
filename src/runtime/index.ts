// Builds the process runtime: store, clock, definitions, instance index, scheduler; catches up on missed timers.
import type { HandlerLogger, ServiceHandler } from '../handlers/handler.js';
import type { Store } from '../store/port.js';
import { ManualClock, SystemClock, type Clock, type ClockMode } from '../timers/clock.js';
import { HousingRegister } from '../housing/housing-register.js';
import type { IvoConfig } from '../reports/ivo-config.js';
import { DefinitionRegistry } from '../engine/definitions/definition-registry.js';
import { InstanceIndex } from '../engine/instance-index.js';
import { InstanceTransitions } from '../engine/instance-transitions.js';
import { manualClockSetting, Runtime } from './runtime.js';
import type { RuntimeApi } from './runtime-api.js';
import { TimerScheduler } from '../engine/timer-scheduler.js';

export interface RuntimeOptions {
  store: Store;
  /** `manual`: time moves only through moveClock; its current time is kept in the store across restarts. */
  clockMode: ClockMode;
  /** Every `*.bpmn` here is checked and deployed at boot. */
  processesDir: string;
  handlers: ServiceHandler<any>[];
  logger: HandlerLogger;
  /** System clock: how often due timers are looked for. */
  schedulerIntervalMs?: number;
  /** IVO reporting windows, threshold and legal references (config/ivo.json). */
  ivoConfig: IvoConfig;
  /** Hydrated engines kept between transitions (default 100; 0 keeps none). */
  engineCacheSize?: number;
  /** Manual clock: where time starts in an empty store (default: now). */
  manualClockStart?: Date;
}

/** Throws DefinitionError when a diagram is bad; the store is released again then. */
export async function createRuntime(options: RuntimeOptions): Promise<RuntimeApi> {
  const { store, logger } = options;
  await store.open();
  try {
    const clock = await createClock(options);
    const handlers = new Map(options.handlers.map((h) => [h.name, h as ServiceHandler<unknown>]));
    const registry = new DefinitionRegistry(store.definitions, handlers, clock);
    await registry.loadStored();
    await registry.deployDirectory(options.processesDir);
    const index = new InstanceIndex();
    index.load(await store.instances.listSummaries());
    const housing = new HousingRegister(store.housingJournal);
    await housing.load(new Map([...index.all()].map((s) => [s.id, s.rev])));
    const transitions = new InstanceTransitions({ instances: store.instances, index, registry, handlers, clock, logger, housing, engineCacheSize: options.engineCacheSize ?? 100 });
    const scheduler = new TimerScheduler(index, transitions, clock, logger);
    // Timers that fell due while the server was down fire now, in due order, before anything else is served.
    await scheduler.fireDue(clock.now());
    if (clock.mode === 'system') scheduler.start(options.schedulerIntervalMs ?? 1000);
    return new Runtime({ store, registry, index, transitions, scheduler, clock, logger, housing, ivoConfig: options.ivoConfig });
  } catch (err) {
    await store.close();
    throw err;
  }
}

async function createClock(options: RuntimeOptions): Promise<Clock> {
  if (options.clockMode === 'system') return new SystemClock();
  const saved = await options.store.settings.get<string>(manualClockSetting);
  return new ManualClock(saved ? new Date(saved) : (options.manualClockStart ?? new Date()));
}

export type { RuntimeApi } from './runtime-api.js';
