// Turns BPMN XML into a runnable definition, or a list of every problem found in it.
import { DefinitionError, type DefinitionProblem } from '../../errors.js';
import type { ServiceHandler } from '../../handlers/index.js';
import { parseBpmn, type ParsedBpmn } from './bpmn-parse.js';
import { buildSourceContext } from '../elements/element-types.js';
import { documentationIds, executableOnly } from './executable-only.js';
import { eventSubProcessesAsBoundaries } from './normalize-event-subprocess.js';
import { inspectDefinition } from './inspect-definition.js';
import type { LintRules } from './lint-config.js';
import { lintDefinition } from './lint-definition.js';
import { hasDrawing, laidOutMessage, layoutDefinition } from './layout-definition.js';
import { defaultLintRules, withoutDrawingRules } from './lint-rules.js';
import type { ProcessModel } from './process-model.js';

export interface CompiledSource {
  model: ProcessModel;
  sourceContext: unknown;
  /** The XML as it is to be stored: the one given, or with a drawing laid out when a new diagram came without one. */
  source: string;
  /** Findings that do not stop a deploy: lint's advice, a drawing made. */
  warnings: DefinitionProblem[];
}

/**
 * Whether the checks of a new diagram apply (processes/ at boot, uploads): the lint rules (`lintRules`, the
 * organisation's `.bpmnlintrc` or our defaults) and a drawing made when there is none. Never to versions already
 * stored, which instances may still run on whatever rules came later.
 */
export interface CheckOptions {
  lint?: boolean;
  lintRules?: LintRules;
}

/** Parses, checks and serializes; throws DefinitionError naming file, element and problem. */
export async function compileDefinition(
  xml: string,
  file: string,
  handlers: ReadonlyMap<string, ServiceHandler<unknown>>,
  options: CheckOptions = {},
): Promise<CompiledSource> {
  const { parsed, model, problems, warnings, source } = await checkDefinition(xml, file, new Set(handlers.keys()), options);
  if (model) problems.push(...checkStaticHandlerInputs(model, handlers, file));
  if (problems.length || !model || !parsed) throw new DefinitionError(problems);
  return { model, sourceContext: buildSourceContext(await eventSubProcessesAsBoundaries(await executableOnly(parsed.definitions, parsed.moddleContext))), source, warnings };
}

export interface DefinitionCheck {
  parsed: ParsedBpmn | null;
  model: ProcessModel | null;
  problems: DefinitionProblem[];
  /** Lint's advice and a drawing made: shown to the analyst, they do not stop a publish. */
  warnings: DefinitionProblem[];
  /** The XML checked: the one given, or with the drawing laid out for a new diagram that had none. */
  source: string;
}

/** Parses and checks against our conventions by handler name only (no schemas), so a worker thread can run it too. */
export async function checkDefinition(
  xml: string,
  file: string,
  handlerNames: ReadonlySet<string>,
  { lint = false, lintRules = defaultLintRules }: CheckOptions = {},
): Promise<DefinitionCheck> {
  const warnings: DefinitionProblem[] = [];
  let source = xml;
  let parsed;
  try {
    parsed = await parseBpmn(xml);
    if (lint && !hasDrawing(parsed.definitions)) {
      source = await layoutDefinition(xml);
      warnings.push({ file, elementId: null, message: laidOutMessage });
      parsed = await parseBpmn(source);
    }
  } catch (err) {
    return { parsed: null, model: null, problems: [{ file, elementId: null, message: (err as Error).message }], warnings, source };
  }
  const problems: DefinitionProblem[] = parsed.warnings.map(({ message, elementId }) => ({ file, elementId, message: `XML: ${inSwedish(message)}` }));
  const { model, problems: found } = inspectDefinition(parsed.definitions, file, handlerNames);
  problems.push(...found);
  if (lint) {
    // A drawing made here (the flow, not lanes or annotations) is not the analyst's to correct.
    const rules = source === xml ? lintRules : withoutDrawingRules(lintRules);
    const linted = await lintDefinition(parsed.definitions, file, rules);
    // Another pool, its steps and the message flows never run, so what lint finds there is advice.
    const documentation = documentationIds(parsed.definitions);
    const advice = (p: DefinitionProblem) => p.elementId !== null && documentation.has(p.elementId);
    problems.push(...linted.errors.filter((p) => !advice(p)));
    warnings.push(...linted.errors.filter(advice), ...linted.warnings);
  }
  return { parsed, model, problems, warnings, source };
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

/** The reader's most common warnings in Swedish; anything else keeps its English text. */
const readerWarnings: [RegExp, (name: string) => string][] = [
  [/^unknown attribute <(.+)>$/, (name) => `attributet ${name} finns inte för det här elementet och skulle aldrig läsas. Ta bort det.`],
  [/^unresolved reference <(.+)>$/, (name) => `referensen ${name} pekar på ett element som inte finns. Välj ett element som finns, eller ta bort referensen.`],
  [/^unparsable content <(.+)> detected/, (name) => `elementet <${name}> kunde inte läsas här och skulle aldrig köras. Ta bort det.`],
  [/^duplicate ID <(.+)>$/, (name) => `id:t ${name} används mer än en gång. Ge varje element ett eget id.`],
];

function inSwedish(message: string): string {
  for (const [pattern, say] of readerWarnings) {
    const match = pattern.exec(message);
    if (match) return say(match[1]!);
  }
  return message;
}
