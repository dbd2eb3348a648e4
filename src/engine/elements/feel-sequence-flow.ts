// A sequence flow whose condition is FEEL over the process variables: no script, no JavaScript expression.
import { SequenceFlow } from 'bpmn-elements';
import { evaluateCondition } from '../../expressions/index.js';
import { processVariables } from './process-variables.js';

interface FlowThis {
  behaviour: { conditionExpression?: { body?: string; language?: string } };
  environment: { variables: Record<string, unknown>; timers: { clock: { now(): Date } } };
  id: string;
}

/** Subclass of bpmn-elements' SequenceFlow; only `getCondition` differs. */
export function FeelSequenceFlow(this: FlowThis, flowDef: unknown, context: unknown): void {
  (SequenceFlow as unknown as (this: unknown, ...a: unknown[]) => void).call(this, flowDef, context);
}

FeelSequenceFlow.prototype = Object.create((SequenceFlow as unknown as { prototype: object }).prototype);

FeelSequenceFlow.prototype.getCondition = function getCondition(this: FlowThis) {
  const conditionExpression = this.behaviour.conditionExpression;
  if (!conditionExpression) return null;
  // The boot check refuses these; failing here too keeps a hand-crafted state from slipping a script through.
  if (conditionExpression.language) throw new Error(`<${this.id}> script conditions are not allowed`);
  const expression = conditionExpression.body ?? '';
  const environment = this.environment;
  return {
    type: 'expression',
    execute(_message: unknown, callback?: (err: unknown, result?: boolean) => void) {
      try {
        const result = evaluateCondition(expression, processVariables(environment.variables), { now: environment.timers.clock.now() });
        return callback ? callback(null, result) : result;
      } catch (err) {
        if (callback) return callback(err);
        throw err;
      }
    },
  };
};
