// What a diagram may say about repeating a step: a user task done once per item of a list (multi-instance), parallel or
// one after the other. Everything else about loops is refused at the element with what to draw instead.
import { reservedVariableNames } from '../elements/process-variables.js';
import { extensionValues, type ModdleElement } from './bpmn-parse.js';
import type { LoopModel, UserTaskModel } from './process-model.js';

/** A variable name as FEEL and the forms write one; anything more (a path, a call, a literal list) is refused. */
const variableName = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const dataRefs = ['loopDataInputRef', 'inputDataItem', 'loopDataOutputRef', 'outputDataItem'];

const standardLoopRefused =
  'Upprepade aktiviteter (standard loop) stöds inte. Rita upprepningen som en slinga: en exklusiv gateway efter steget som leder tillbaka till det. Ska steget göras en gång per post i en lista, gör det till en användaruppgift med multi-instans (camunda:collection="=lista").';

/** The loop's problems, each a message for the element; for a multi-instance user task its model, else null. */
export function checkLoop(el: ModdleElement, problem: (message: string) => void): LoopModel | null {
  const loop = el.loopCharacteristics as ModdleElement | undefined;
  if (!loop) return null;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problem(standardLoopRefused);
    return null;
  }
  if (el.$type !== 'bpmn:UserTask') {
    problem('Multi-instans (en gång per post i en lista) stöds bara på användaruppgifter: varje post blir en egen uppgift i inkorgen. ' +
      'Gör steget till en användaruppgift, eller rita upprepningen som en slinga med en exklusiv gateway tillbaka till steget.');
    return null;
  }
  const found: string[] = [];
  if (loop.loopCardinality) {
    found.push('Ett fast antal varv (loopCardinality) stöds inte: uppgiften görs en gång per post i listan i camunda:collection. Ta bort antalet och ange listan.');
  }
  if (loop.completionCondition) {
    found.push('Ett villkor som avslutar i förtid (completionCondition) stöds inte: steget är klart när varje post i listan har sin uppgift klar. Ta bort villkoret; behöver resten stoppas, sätt en avbrytande timer på steget.');
  }
  if (dataRefs.some((ref) => loop[ref])) {
    found.push('BPMN:s dataobjekt för listan (loopDataInputRef, inputDataItem, loopDataOutputRef, outputDataItem) läses inte. Ange listan med camunda:collection="=lista" och postens namn med camunda:elementVariable.');
  }
  for (const ext of extensionValues(loop)) found.push(`Tillägget ${ext.$type} på multi-instansen stöds inte.`);
  const raw = typeof loop.collection === 'string' ? loop.collection.trim() : '';
  const collection = /^=/.test(raw) ? raw.slice(1).trim() : '';
  if (!raw) {
    found.push('Multi-instansen saknar lista: ange camunda:collection="=lista", namnet på en variabel som är en lista. Uppgiften skapas en gång för varje post.');
  } else if (!variableName.test(collection)) {
    found.push(`camunda:collection "${raw}" är inte ett variabelnamn. Ange namnet på en variabel som är en lista, t.ex. =barnen; behöver listan räknas fram, gör det i ett tidigare steg.`);
  } else if (collection === el.id) {
    found.push(`Listan "${collection}" har samma namn som uppgiften, men svaren samlas under uppgiftens id och skulle skriva över listan. Byt namn på uppgiftens id eller på listan.`);
  }
  const elementVariable = typeof loop.elementVariable === 'string' && loop.elementVariable.trim() ? loop.elementVariable.trim() : 'item';
  if (!variableName.test(elementVariable) || reservedVariableNames.has(elementVariable)) {
    found.push(`camunda:elementVariable "${elementVariable}" går inte att använda som namn på posten. Ange ett enkelt namn, t.ex. post eller barn.`);
  }
  found.forEach(problem);
  return found.length ? null : { collection, elementVariable, isSequential: loop.isSequential === true };
}

/**
 * Puts the loop on the user task's model (read after checkUserTask made it), and refuses a form field named like the
 * item or the answers list, whose value would be lost.
 */
export function attachLoop(el: ModdleElement, userTasks: Map<string, UserTaskModel>, loop: LoopModel, problem: (message: string) => void): void {
  const task = userTasks.get(el.id!);
  if (!task) return;
  task.loop = loop;
  for (const field of task.form) {
    if (field.id === loop.elementVariable || field.id === el.id) {
      problem(`Formulärfältet "${field.id}" har samma namn som ${field.id === el.id ? 'uppgiftens id, där svaren samlas' : 'posten (camunda:elementVariable)'}. Byt namn på fältet.`);
    }
  }
}
