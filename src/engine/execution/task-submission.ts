// A validated form applied to its waiting task: the values go into the case's variables, then the task completes.
import { AppError } from '../../errors.js';
import type { TaskRecord } from '../records/index.js';
import type { ProcessModel } from '../definitions/process-model.js';
import type { EngineInstance } from '../elements/create-engine.js';
import type { HistoryRecorder } from './history-recorder.js';
import { answersWith } from './multi-instance-items.js';
import type { WaitingActivity } from './task-records.js';
import { assignEverywhere, postponedOf, processScope } from './engine-variables.js';
import { waitingScope } from './waiting-activities.js';

/** Puts the values into the variables and signals the task; task_closed when the engine no longer waits at it. */
export function submitTask(engine: EngineInstance, model: ProcessModel, recorder: HistoryRecorder, waiting: readonly WaitingActivity[], task: TaskRecord, values: Record<string, unknown>): void {
  const open = waiting.find((w) => w.executionId === task.executionId);
  if (!open) throw new AppError('task_closed');
  recorder.record('task.completed', task.elementId, { values }, task.name);
  assignEverywhere(engine, itemAnswers(engine, model, open, values) ?? values);
  engine.execution!.signal({ id: task.elementId, executionId: task.executionId });
}

/** For one item of a multi-instance task, its answers put in the task's list (multi-instance-items.ts). */
function itemAnswers(engine: EngineInstance, model: ProcessModel, waiting: WaitingActivity, values: Record<string, unknown>): Record<string, unknown> | null {
  const loop = model.userTasks.get(waiting.id)?.loop;
  if (!loop || !waiting.loop) return null;
  const scope = waitingScope(postponedOf(engine), waiting.executionId) ?? processScope(engine);
  return answersWith(waiting.id, scope[waiting.id], waiting.loop, loop.elementVariable, values);
}
