// Parses small inline BPMN diagrams with the camunda extension, so form tests read real bpmn-moddle objects.
import { createRequire } from 'node:module';
import BpmnModdle from 'bpmn-moddle';
import { readFormFields } from '../../src/forms/index.js';

const camunda: object = createRequire(import.meta.url)('camunda-bpmn-moddle/resources/camunda.json');

/** The element `elementId` of a process holding a start event `start` and a user task `task`, each with `extensions`. */
export async function parseFormElement(
  extensions: { start?: string; task?: string },
  elementId: 'start' | 'task' = 'task',
): Promise<{ id: string; extensionElements?: unknown }> {
  const wrap = (xml: string | undefined) => (xml === undefined ? '' : `<bpmn:extensionElements>${xml}</bpmn:extensionElements>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://example.se/test">
  <bpmn:process id="formulartest" name="Formulärtest" isExecutable="true">
    <bpmn:startEvent id="start">${wrap(extensions.start)}</bpmn:startEvent>
    <bpmn:userTask id="task" name="Fyll i">${wrap(extensions.task)}</bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>`;
  const { rootElement, warnings } = await new BpmnModdle({ camunda }).fromXML(xml);
  if (warnings.length > 0) throw new Error(`fixture does not parse cleanly: ${warnings.map(String).join('; ')}`);
  const definitions = rootElement as unknown as { rootElements: { flowElements: { id: string; extensionElements?: unknown }[] }[] };
  const process = definitions.rootElements[0];
  const element = process?.flowElements.find((e) => e.id === elementId);
  if (!element) throw new Error(`no element ${elementId}`);
  return element;
}

/** A camunda:formData block around the given camunda:formField elements. */
export function formData(fieldsXml: string): string {
  return `<camunda:formData>${fieldsXml}</camunda:formData>`;
}

/** The file name the reader tests report problems under. */
export const file = 'processes/formulartest.bpmn';

/** Reads the form of the user task `task` whose formData holds `fieldsXml`. */
export async function readTaskForm(fieldsXml: string) {
  const element = await parseFormElement({ task: formData(fieldsXml) });
  return readFormFields(element, file);
}
