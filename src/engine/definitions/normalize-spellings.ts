// Reads the spellings other modelers write, where they name things and run no code, as ours: once, on the parsed
// tree before any check, so the engine, the model and every check see one spelling. The stored XML stays as uploaded.
import { isDollarExpression, isJuelLanguage, translateCondition, translateName } from './normalize-conditions.js';
import { keyProcess, type ReaderIndex } from './normalize-process-key.js';
import { nameHandler, writtenSpellings, type ElementFactory, type SpellingElement } from './normalize-notes.js';
import { readZeebe, takeZeebeForms } from './normalize-zeebe.js';

const camundaUri = 'http://camunda.org/schema/1.0/bpmn';
/** Operaton Modeler's namespace: the same schema as Camunda 7's under another name. */
const operatonNamespace = /(\sxmlns:[A-Za-z_][A-Za-z0-9_.-]*\s*=\s*)(["'])http:\/\/operaton\.org\/schema\/1\.0\/bpmn\2/g;
const timerKinds = ['timeDuration', 'timeDate', 'timeCycle'];

/**
 * The XML with Operaton's namespace declared as Camunda's, so `operaton:formData` is read as `camunda:formData`.
 * Only the declaration changes (the prefix stays); the reader then knows the elements by the namespace.
 */
export function readOperatonAsCamunda(xml: string): string {
  return xml.replace(operatonNamespace, `$1$2${camundaUri}$2`);
}

/**
 * The prefix the analyst's file gives Camunda's schema: `operaton` for Operaton Modeler's files (their declaration
 * now names Camunda's schema), else `camunda`. The checks' messages are written with it (inAnalystSpelling).
 */
export function analystPrefix(definitions: { [key: string]: unknown }): string {
  const attrs = (definitions.$attrs ?? {}) as Record<string, unknown>;
  const declared = Object.keys(attrs).filter((name) => name.startsWith('xmlns:') && attrs[name] === camundaUri).map((name) => name.slice(6));
  return declared.length === 1 && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(declared[0]!) ? declared[0]! : 'camunda';
}

/** Messages that name `camunda:` things, in the file's own spelling of them (`operaton:formData`). */
export function inAnalystSpelling<T extends { message: string }>(problems: T[], prefix: string): T[] {
  if (prefix === 'camunda') return problems;
  return problems.map((p) => ({ ...p, message: p.message.replace(/\bcamunda:/g, `${prefix}:`) }));
}

/** Messages about an element whose values were read from another spelling (zeebe:…), naming what was written. */
export function inWrittenSpelling<T extends { elementId: string | null; message: string }>(problems: T[], elements: readonly object[]): T[] {
  const byId = new Map<string, ReadonlyMap<string, string>>();
  for (const el of elements) {
    const id = (el as { id?: unknown }).id;
    const spellings = writtenSpellings(el);
    if (typeof id === 'string' && spellings.size) byId.set(id, spellings);
  }
  if (!byId.size) return problems;
  return problems.map((p) => {
    const spellings = p.elementId === null ? undefined : byId.get(p.elementId);
    if (!spellings) return p;
    let message = p.message;
    for (const [ours, theirs] of spellings) message = message.split(ours).join(theirs);
    return { ...p, message };
  });
}

/** Something the analyst should know about how the diagram was read: it does not stop a publish. */
export interface SpellingWarning {
  elementId: string | null;
  message: string;
}

/**
 * Rewrites the parsed tree in place: Camunda 8's names (normalize-zeebe), an external task's topic as the handler,
 * `${name}` timers and due dates as `=name`, `${…}` conditions as FEEL (normalize-conditions), and the
 * process id as a key (normalize-process-key). What cannot be read stays as written, and the checks refuse it.
 */
export function normalizeSpellings(definitions: SpellingElement, index: ReaderIndex, factory: ElementFactory): SpellingWarning[] {
  const warnings: SpellingWarning[] = [];
  const roots = (definitions.rootElements as SpellingElement[] | undefined) ?? [];
  for (const process of roots.filter((r) => r.$type === 'bpmn:Process')) {
    const forms = takeZeebeForms(process);
    for (const el of flowElementsOf(process)) {
      readZeebe(el, forms, factory);
      readExternalTask(el);
      readDollarNames(el);
      readCondition(el);
    }
    if (process.isExecutable === true) warnings.push(...keyProcess(process, index));
  }
  return warnings;
}

function flowElementsOf(container: SpellingElement): SpellingElement[] {
  return ((container.flowElements as SpellingElement[] | undefined) ?? []).flatMap((el) => [el, ...flowElementsOf(el)]);
}

/** `camunda:type="external" camunda:topic="x"`: the topic names the handler, as `${environment.services.x}` does. */
function readExternalTask(el: SpellingElement): void {
  if (el.type !== 'external' || typeof el.topic !== 'string' || el.implementation) return;
  const handler = el.topic.trim();
  nameHandler(el, handler);
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(handler)) el.implementation = `\${environment.services.${handler}}`;
  delete el.type;
  delete el.topic;
}

/**
 * `${name}` as a timer value or a due date is `=name` in FEEL; anything more stays, and is refused. An assignee is
 * left as written: an expression there is refused (check-flow-element), since it names a person.
 */
function readDollarNames(el: SpellingElement): void {
  for (const definition of (el.eventDefinitions as SpellingElement[] | undefined) ?? []) {
    if (definition.$type !== 'bpmn:TimerEventDefinition') continue;
    for (const kind of timerKinds) {
      const value = definition[kind] as SpellingElement | undefined;
      if (typeof value?.body === 'string') value.body = asFeelName(value.body);
    }
  }
  if (el.$type === 'bpmn:UserTask' && typeof el.dueDate === 'string') el.dueDate = asFeelName(el.dueDate);
}

function asFeelName(raw: string): string {
  if (!isDollarExpression(raw)) return raw;
  const translated = translateName(raw);
  return translated.ok ? translated.feel : raw;
}

/**
 * A `${…}` or `#{…}` condition, without a language or with language="juel", becomes FEEL when it fits the grammar
 * (and loses the language, which the engine would run as a script); otherwise it stays, and is refused.
 */
function readCondition(el: SpellingElement): void {
  const condition = el.conditionExpression as SpellingElement | undefined;
  if (!condition || (condition.language && !isJuelLanguage(condition.language))) return;
  if (typeof condition.body !== 'string' || !isDollarExpression(condition.body)) return;
  const translated = translateCondition(condition.body);
  if (!translated.ok) return;
  condition.body = translated.feel;
  delete condition.language;
}
