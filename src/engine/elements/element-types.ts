// The bpmn-elements behaviours we run with: the standard ones, with FEEL conditions and durable timers swapped in.
import * as Elements from 'bpmn-elements';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { FeelSequenceFlow } from './feel-sequence-flow.js';
import { DurableTimerEventDefinition } from './durable-timer-event-definition.js';
import { ParallelJoinGateway } from './parallel-join-gateway.js';
import { MultiInstanceLoop } from './multi-instance-loop.js';

export const elementOverrides = {
  SequenceFlow: FeelSequenceFlow,
  TimerEventDefinition: DurableTimerEventDefinition,
  ParallelGateway: ParallelJoinGateway,
  MultiInstanceLoopCharacteristics: MultiInstanceLoop,
};

const typeResolver = TypeResolver({ ...Elements, ...elementOverrides } as never);

/** The pre-serialized context an engine runs from; built once per definition version, shared by its instances. */
export function buildSourceContext(moddleContext: unknown): unknown {
  return serializer(moddleContext as never, typeResolver);
}
