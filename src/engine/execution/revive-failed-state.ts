// Turns the engine state of a case that failed at a step back into the state of a case running that step. Cases
// stored as `failed` before incidents existed (a service task threw) would otherwise stay dead: bpmn-engine recovers
// an errored state idle, with nothing to resume. The state keeps every other token as it was (open tasks, timers with
// their due dates); the failed step gets a fresh execution that starts again on resume, where the service adapter
// runs it: it goes on, or opens an incident. Verified against bpmn-engine 25 / bpmn-elements 17 / smqp 15
// (test/engine/revive-failed-cases.test.ts); a newer engine must pass that test before it is used.
import { randomUUID } from 'node:crypto';

interface QueueMessage {
  fields: Record<string, unknown>;
  content: Record<string, unknown>;
  properties: Record<string, unknown>;
}

interface ChildState {
  id: string;
  type: string;
  status?: string | null;
  executionId?: string;
  execution?: unknown;
  broker?: unknown;
}

interface ProcessState {
  id: string;
  type: string;
  status?: string | null;
  execution: { executionId: string; status: string; completed: boolean; children: ChildState[] };
  broker?: unknown;
}

interface DefinitionState {
  id: string;
  type: string;
  status?: string | null;
  execution: { executionId: string; status: string; completed: boolean; processes: ProcessState[] };
  broker?: unknown;
}

interface EngineState {
  state: string;
  definitions: DefinitionState[];
}

const durable = { autoDelete: false, durable: true };
const message = (fields: Record<string, unknown>, content: Record<string, unknown>, properties: Record<string, unknown> = {}): QueueMessage => ({
  fields,
  content,
  properties: { ...properties, messageId: `smq.mid-${randomUUID().slice(0, 10)}` },
});

/** The state with `elementId` of its one process running again; null when the state is not a failed one we know. */
export function reviveFailedEngineState(stored: unknown, elementId: string): unknown | null {
  const state = structuredClone(stored) as EngineState;
  const definition = state.definitions?.[0];
  const process = definition?.execution?.processes?.[0];
  const failed = process?.execution.children.find((c) => c.id === elementId);
  if (state.state !== 'error' || state.definitions.length !== 1 || !definition || !process || !failed) return null;
  if (definition.execution.processes.length !== 1) return null;

  state.state = 'running';
  const definitionExecution = definition.execution.executionId;
  definition.status = 'executing';
  Object.assign(definition.execution, { status: 'executing', completed: false });
  definition.broker = {
    queues: [
      { name: 'run-q', options: durable, messages: [message({ routingKey: 'run.execute', exchange: 'run', consumerTag: '_definition-run' }, { id: definition.id, type: definition.type, executionId: definitionExecution })] },
      {
        name: `execute-${definitionExecution}-q`,
        options: durable,
        messages: [
          message(
            { routingKey: 'process.start', exchange: 'event', consumerTag: `_definition-activity-${definitionExecution}` },
            { id: process.id, type: process.type, executionId: process.execution.executionId, parent: { id: definition.id, type: definition.type, executionId: definitionExecution }, state: 'start' },
            { type: 'start', mandatory: false },
          ),
        ],
      },
    ],
  };

  const processExecution = process.execution.executionId;
  process.status = 'executing';
  Object.assign(process.execution, { status: 'executing', completed: false });
  const executionId = `${failed.id}_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const start = { inbound: [], executionId, id: failed.id, type: failed.type, parent: { id: process.id, type: process.type } };
  Object.assign(failed, {
    status: 'executing',
    executionId,
    execution: { completed: false },
    broker: {
      queues: [
        { name: 'run-q', options: durable, messages: [message({ routingKey: 'run.execute', exchange: 'run', consumerTag: '_activity-run' }, start)] },
        { name: 'execute-q', options: durable, messages: [message({ routingKey: 'execute.start', exchange: 'execution', consumerTag: '_activity-execute' }, { ...start, state: 'start', isRootScope: true })] },
      ],
    },
  });
  // The process resumes the children it has a lifecycle message for: every one still running, the revived one too.
  const running = process.execution.children.filter((c) => c.status);
  process.broker = {
    queues: [
      {
        name: 'run-q',
        options: durable,
        messages: [message({ routingKey: 'run.execute', exchange: 'run', consumerTag: '_process-run' }, { id: process.id, type: process.type, executionId: processExecution, parent: { id: definition.id, type: definition.type } })],
      },
      {
        name: `execute-${processExecution}-q`,
        options: durable,
        messages: running.map((c) =>
          message(
            { routingKey: 'activity.wait', exchange: 'event', consumerTag: `_process-activity-${processExecution}` },
            { executionId: c.executionId, id: c.id, type: c.type, parent: { id: process.id, type: process.type, executionId: processExecution }, state: 'wait' },
            { persistent: true },
          ),
        ),
      },
    ],
  };
  return state;
}
