// One user task per item of a list: bpmn-elements' multi-instance loop, given the list from the case's variables.
import * as Elements from 'bpmn-elements';

interface LoopDefinition {
  behaviour?: { collection?: unknown; [key: string]: unknown };
  [key: string]: unknown;
}
interface LoopActivity {
  id: string;
  environment: { variables: Record<string, unknown> };
}
interface ExecuteMessage {
  fields?: { redelivered?: boolean };
  content: Record<string, unknown>;
}
type Loop = { execute(message: ExecuteMessage): unknown };
const BaseLoop = (Elements as unknown as { MultiInstanceLoopCharacteristics: new (activity: LoopActivity, definition: LoopDefinition) => Loop }).MultiInstanceLoopCharacteristics;

/**
 * The `MultiInstanceLoopCharacteristics` behaviour. check-loop.ts let only `=name` through as the collection; the list
 * is that variable, read when the step starts and again when a stored case is resumed. bpmn-elements keeps its list
 * per element for good (a step reached twice would repeat the first list), so each start gets a fresh loop.
 * A missing list counts as empty: the step is done at once (the history says so).
 */
export class MultiInstanceLoop {
  constructor(
    private readonly activity: LoopActivity,
    private readonly definition: LoopDefinition,
  ) {}

  execute(executeMessage: ExecuteMessage): unknown {
    const variables = this.activity.environment.variables;
    const name = String(this.definition.behaviour?.collection ?? '').replace(/^=\s*/, '').trim();
    const list = listValue(variables[name], name);
    // The answers of this round are collected under the task's id (multi-instance-answers.ts), one place per item.
    if (!executeMessage.fields?.redelivered) variables[this.activity.id] = list.map(() => null);
    const loop = new BaseLoop(this.activity, { ...this.definition, behaviour: { ...this.definition.behaviour, collection: list } });
    return loop.execute(executeMessage);
  }
}

function listValue(value: unknown, name: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw new Error(`Variabeln "${name}" är inte en lista, så uppgiften kan inte skapas en gång per post.`);
}
