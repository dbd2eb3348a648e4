// Turns BPMN XML into a runnable definition, or a list of every problem found in it.
import { DefinitionError, type DefinitionProblem } from '../errors.js';
import type { ServiceHandler } from '../handlers/handler.js';
import { parseBpmn, type ParsedBpmn } from './bpmn-parse.js';
import { buildSourceContext } from './element-types.js';
import { inspectDefinition } from './inspect-definition.js';
import type { ProcessModel } from './process-model.js';

export interface CompiledSource {
  model: ProcessModel;
  sourceContext: unknown;
}

/** Parses, checks and serializes; throws DefinitionError naming file, element and problem. */
export async function compileDefinition(xml: string, file: string, handlers: ReadonlyMap<string, ServiceHandler<unknown>>): Promise<CompiledSource> {
  const { parsed, model, problems } = await checkDefinition(xml, file, new Set(handlers.keys()));
  if (model) problems.push(...checkStaticHandlerInputs(model, handlers, file));
  if (problems.length || !model || !parsed) throw new DefinitionError(problems);
  return { model, sourceContext: buildSourceContext(parsed.moddleContext) };
}

export interface DefinitionCheck {
  parsed: ParsedBpmn | null;
  model: ProcessModel | null;
  problems: DefinitionProblem[];
}

/** Parses and checks against our conventions by handler name only (no schemas), so a worker thread can run it too. */
export async function checkDefinition(xml: string, file: string, handlerNames: ReadonlySet<string>): Promise<DefinitionCheck> {
  let parsed;
  try {
    parsed = await parseBpmn(xml);
  } catch (err) {
    return { parsed: null, model: null, problems: [{ file, elementId: null, message: (err as Error).message }] };
  }
  const problems: DefinitionProblem[] = parsed.warnings.map((message) => ({ file, elementId: null, message: `XML: ${message}` }));
  const { model, problems: found } = inspectDefinition(parsed.definitions, file, handlerNames);
  problems.push(...found);
  return { parsed, model, problems };
}

/** A service task whose properties are all fixed text can be checked against its handler's input now, not at run time. */
function checkStaticHandlerInputs(model: ProcessModel, handlers: ReadonlyMap<string, ServiceHandler<unknown>>, file: string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const [elementId, task] of model.serviceTasks) {
    const handler = handlers.get(task.handler);
    if (!handler || Object.values(task.properties).some((v) => v.startsWith('='))) continue;
    const result = handler.input.safeParse(task.properties);
    if (!result.success) {
      const detail = result.error.issues.map((i) => `${i.path.join('.') || 'indata'}: ${i.message}`).join('; ');
      problems.push({ file, elementId, message: `Egenskaperna passar inte hanteraren ${task.handler}: ${detail}` });
    }
  }
  return problems;
}
