// Other modelers' spellings of "one task per item of a list" read as ours: camunda:collection="=list" and
// camunda:elementVariable on bpmn:multiInstanceLoopCharacteristics (check-loop.ts says what runs).
import { isDollarExpression, translateName } from './normalize-conditions.js';
import { extensionsOf, keepExtensions, refuseSpelling, type SpellingElement } from './normalize-notes.js';

/**
 * Camunda 8's `zeebe:loopCharacteristics inputCollection inputElement` as `camunda:collection` and
 * `camunda:elementVariable`, and Camunda 7's `${list}` as `=list`. An output collection is refused on the element: the
 * answers are collected under the task's id without one. Camunda 7's bare variable name (`barnen`) is `=barnen` too.
 */
export function readLoopSpelling(el: SpellingElement): void {
  const loop = el.loopCharacteristics as SpellingElement | undefined;
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return;
  for (const ext of extensionsOf(loop).filter((e) => e.$type === 'zeebe:loopCharacteristics')) {
    const collection = text(ext.inputCollection);
    const element = text(ext.inputElement);
    if (collection && !text(loop.collection)) loop.collection = collection;
    if (element && !text(loop.elementVariable)) loop.elementVariable = element;
    if (text(ext.outputCollection) || text(ext.outputElement)) {
      refuseSpelling(el, `zeebe:loopCharacteristics outputCollection/outputElement stöds inte: svaren från varje post samlas av sig själva i en lista under uppgiftens id (${el.id ?? 'uppgiften'}). Ta bort utdatat.`);
    }
  }
  keepExtensions(loop, (ext) => ext.$type !== 'zeebe:loopCharacteristics');
  const collection = text(loop.collection);
  if (collection && isDollarExpression(collection)) {
    const translated = translateName(collection);
    if (translated.ok) loop.collection = translated.feel;
  } else if (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(collection)) {
    // Camunda 7 also takes the bare name of a process variable.
    loop.collection = `=${collection}`;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
