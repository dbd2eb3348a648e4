// What the runtime's actions share: the parts they work on and the lookups that turn an unknown id into an AppError.
import { AppError } from '../errors.js';
import type { HandlerLogger } from '../handlers/handler.js';
import type { HousingRegister } from '../housing/housing-register.js';
import type { IvoConfig } from '../reports/ivo-config.js';
import type { InstanceSummary, TaskRecord } from '../engine/records/index.js';
import type { Store } from '../store/port.js';
import type { Clock } from '../timers/clock.js';
import type { DefinitionRegistry } from '../engine/definitions/definition-registry.js';
import type { InstanceIndex } from '../engine/instance-index.js';
import type { InstanceTransitions } from '../engine/instance-transitions.js';
import type { TimerScheduler } from '../engine/timer-scheduler.js';

/** Everything the runtime's actions use, built once by createRuntime. */
export interface RuntimeParts {
  store: Store;
  registry: DefinitionRegistry;
  index: InstanceIndex;
  transitions: InstanceTransitions;
  scheduler: TimerScheduler;
  clock: Clock;
  logger: HandlerLogger;
  housing: HousingRegister;
  ivoConfig: IvoConfig;
}

/** The summary of one instance; not_found when there is none. */
export function findSummary(parts: RuntimeParts, id: string): InstanceSummary {
  const s = parts.index.get(id);
  if (!s) throw new AppError('not_found', 'Ärendet finns inte.');
  return s;
}

/** One open task; task_closed when it is completed or gone. */
export function findOpenTask(parts: RuntimeParts, taskId: string): TaskRecord {
  const task = parts.index.task(taskId);
  if (!task) throw new AppError('task_closed');
  return task;
}
