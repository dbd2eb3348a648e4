// What reading another modeler's spelling left for the checks: a refusal on an element, or the handler name it named.
/** A parsed element as the spelling steps see it; only the fields they read are typed. */
export interface SpellingElement {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

const refusals = new WeakMap<object, string[]>();
const handlerNames = new WeakMap<object, string>();

/** Marks `element` as refused with `message`; its check reports it, naming the element. */
export function refuseSpelling(element: object, message: string): void {
  refusals.set(element, [...(refusals.get(element) ?? []), message]);
}

/** The refusals the spelling steps left on an element. */
export function spellingRefusals(element: object): readonly string[] {
  return refusals.get(element) ?? [];
}

/** Records the handler a service task names in another spelling (zeebe:taskDefinition type, camunda:topic). */
export function nameHandler(element: object, handler: string): void {
  handlerNames.set(element, handler);
}

/** The handler a service task named in another spelling, as written; undefined when it names none that way. */
export function handlerNamed(element: object): string | undefined {
  return handlerNames.get(element);
}

const writtenAs = new WeakMap<object, Map<string, string>>();

/** Records that `ours` (e.g. camunda:candidateGroups) was read from `theirs`, so a message names what was written. */
export function readFrom(element: object, ours: string, theirs: string): void {
  writtenAs.set(element, (writtenAs.get(element) ?? new Map()).set(ours, theirs));
}

/** What the element's values were read from, ours → as written; empty for an element in our spelling. */
export function writtenSpellings(element: object): ReadonlyMap<string, string> {
  return writtenAs.get(element) ?? new Map();
}

/** The element's extension elements (empty when it has none). */
export function extensionsOf(element: SpellingElement): SpellingElement[] {
  return ((element.extensionElements as { values?: SpellingElement[] } | undefined)?.values ?? []);
}

/** Keeps only the extension elements `keep` accepts. */
export function keepExtensions(element: SpellingElement, keep: (ext: SpellingElement) => boolean): void {
  const holder = element.extensionElements as { values?: SpellingElement[] } | undefined;
  if (holder?.values) holder.values = holder.values.filter(keep);
}

/** Creates moddle elements of a known type (camunda:Properties, camunda:FormData…); bpmn-moddle's `create`. */
export interface ElementFactory {
  create(type: string, attrs?: Record<string, unknown>): SpellingElement;
}

/** Adds an extension element, creating the holder when the element has none. */
export function addExtension(element: SpellingElement, ext: SpellingElement, factory: ElementFactory): void {
  if (!element.extensionElements) element.extensionElements = factory.create('bpmn:ExtensionElements', { values: [] });
  const holder = element.extensionElements as { values?: SpellingElement[] };
  holder.values = [...(holder.values ?? []), ext];
}
