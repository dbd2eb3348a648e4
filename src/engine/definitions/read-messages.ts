// The bpmn:message elements of a diagram with the variables each declares, read like a form from camunda:formData.
import type { DefinitionProblem } from '../../errors.js';
import { readFormFields, type FormField } from '../../forms/index.js';
import { reservedVariableNames } from '../elements/process-variables.js';
import { extensionValues, type ModdleElement } from './bpmn-parse.js';
import type { MessageModel } from './process-model.js';
import { extensionRefused } from './refusal-texts.js';

/**
 * Every message by id with its declared variables; a message without camunda:formData takes none. Each problem
 * names the message, so the analyst sees it at the message as at a form.
 */
export function readMessages(roots: readonly ModdleElement[], file: string, problems: DefinitionProblem[]): Map<string, MessageModel> {
  const messages = new Map<string, MessageModel>();
  for (const m of roots.filter((r) => r.$type === 'bpmn:Message')) {
    const id = m.id!;
    const problem = (message: string) => problems.push({ file, elementId: id, message });
    for (const ext of extensionValues(m)) {
      if (ext.$type !== 'camunda:FormData') problem(extensionRefused(ext.$type, ' på ett meddelande', 'meddelandets variabler, med camunda:formData'));
    }
    const read = readFormFields({ id, extensionElements: m.extensionElements }, file);
    problems.push(...read.problems);
    for (const field of read.fields) checkMessageField(field, problem);
    messages.set(id, { id, name: m.name ?? id, variables: read.fields });
  }
  return messages;
}

/** What a form may have but a message may not: nobody sees a message's form, so nothing is prefilled or shown only. */
function checkMessageField(field: FormField, problem: (message: string) => void): void {
  if (field.readonly) problem(`Variabeln "${field.id}": readonly passar inte ett meddelande, som ingen fyller i på en sida; ta bort variabeln.`);
  if (field.defaultValue !== undefined) problem(`Variabeln "${field.id}": ett meddelande har inga standardvärden; ta bort camunda:defaultValue.`);
  if (reservedVariableNames.has(field.id)) problem(`Variabeln "${field.id}" är reserverad; välj ett annat id.`);
}

/** The start form's fields are the decision; a message that could set one could change the decision after the start. */
export function checkMessagesKeepDecision(messages: ReadonlyMap<string, MessageModel>, startForm: readonly FormField[], file: string): DefinitionProblem[] {
  const decision = new Set(startForm.map((f) => f.id));
  const problems: DefinitionProblem[] = [];
  for (const message of messages.values()) {
    for (const field of message.variables.filter((f) => decision.has(f.id))) {
      problems.push({ file, elementId: message.id, message: `Meddelandet "${message.name}" får inte ta emot variabeln "${field.id}": den hör till startformuläret, och beslutet kan inte ändras efter starten.` });
    }
  }
  return problems;
}
