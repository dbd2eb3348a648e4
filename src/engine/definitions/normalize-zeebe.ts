// Camunda 8's spellings that name things rather than run code, read as ours: zeebe:taskDefinition type as the handler,
// task headers, input mappings and properties as the handler's properties, zeebe:assignmentDefinition and
// zeebe:taskSchedule as the user task's roles, assignee and due date, and its forms where they map (normalize-zeebe-forms).
import { addExtension, extensionsOf, keepExtensions, nameHandler, readFrom, refuseSpelling, type ElementFactory, type SpellingElement } from './normalize-notes.js';
import { readZeebeForm } from './normalize-zeebe-forms.js';
import { readLoopSpelling } from './normalize-loop.js';

const serviceTypes = new Set(['bpmn:ServiceTask', 'bpmn:SendTask']);
/** Markers that change nothing in how a case runs: the modeler's template, Camunda's user task kind, a version tag. */
const templateAttributes = ['zeebe:modelerTemplate', 'zeebe:modelerTemplateVersion', 'zeebe:modelerTemplateIcon'];

/** Camunda 8's forms kept on the process (zeebe:userTaskForm), by id; they are taken off it, the tasks read them. */
export function takeZeebeForms(process: SpellingElement): Map<string, string> {
  const forms = new Map<string, string>();
  for (const ext of extensionsOf(process)) {
    if (ext.$type === 'zeebe:userTaskForm' && typeof ext.id === 'string') forms.set(ext.id, typeof ext.$body === 'string' ? ext.$body : '');
  }
  keepExtensions(process, (ext) => ext.$type !== 'zeebe:userTaskForm' && ext.$type !== 'zeebe:versionTag');
  dropTemplateAttributes(process);
  return forms;
}

/** Reads one flow element's zeebe extensions as ours; what does not map stays, and its check refuses it by name. */
export function readZeebe(el: SpellingElement, forms: ReadonlyMap<string, string>, factory: ElementFactory): void {
  dropTemplateAttributes(el);
  // zeebe:loopCharacteristics sits on the element's loop, not on the element; Camunda 7's ${list} is read there too.
  readLoopSpelling(el);
  const read = new Set<SpellingElement>();
  const properties: [string, string][] = [];
  for (const ext of extensionsOf(el)) {
    const take = () => read.add(ext);
    const children = ((ext.$children as SpellingElement[] | undefined) ?? []);
    if (ext.$type === 'zeebe:taskDefinition' && serviceTypes.has(el.$type) && !el.implementation) {
      take();
      const handler = typeof ext.type === 'string' ? ext.type.trim() : '';
      nameHandler(el, handler);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(handler)) el.implementation = `\${environment.services.${handler}}`;
    } else if (ext.$type === 'zeebe:taskHeaders' && serviceTypes.has(el.$type)) {
      take();
      for (const header of children) properties.push([String(header.key ?? ''), String(header.value ?? '')]);
    } else if (ext.$type === 'zeebe:ioMapping' && serviceTypes.has(el.$type)) {
      take();
      for (const mapping of children) {
        if (mapping.$type === 'zeebe:input') properties.push([String(mapping.target ?? ''), String(mapping.source ?? '')]);
        else refuseSpelling(el, `zeebe:output (utdata) stöds inte: hanterarens resultat blir processvariabler direkt, så ${String(mapping.target ?? 'målet')} behöver ingen mappning.`);
      }
    } else if (ext.$type === 'zeebe:properties') {
      take();
      for (const property of children) properties.push([String(property.name ?? ''), String(property.value ?? '')]);
    } else if (el.$type === 'bpmn:UserTask' && ext.$type === 'zeebe:assignmentDefinition') {
      take();
      readAssignment(el, ext);
    } else if (el.$type === 'bpmn:UserTask' && ext.$type === 'zeebe:taskSchedule') {
      take();
      if (typeof ext.dueDate === 'string' && ext.dueDate.trim() && !el.dueDate) {
        el.dueDate = ext.dueDate.trim();
        readFrom(el, 'camunda:dueDate', 'zeebe:taskSchedule dueDate');
      }
      if (typeof ext.followUpDate === 'string' && ext.followUpDate.trim()) refuseSpelling(el, 'zeebe:taskSchedule followUpDate stöds inte; bevaka uppgiften med en timer i stället.');
    } else if (el.$type === 'bpmn:CallActivity' && ext.$type === 'zeebe:calledElement') {
      take();
      readCalledElement(el, ext);
    } else if (el.$type === 'bpmn:UserTask' && ext.$type === 'zeebe:userTask') {
      take();
    } else if ((el.$type === 'bpmn:UserTask' || el.$type === 'bpmn:StartEvent') && ext.$type === 'zeebe:formDefinition') {
      take();
      const formData = readZeebeForm(el, ext, forms, factory);
      if (formData) addExtension(el, formData, factory);
    }
  }
  keepExtensions(el, (ext) => !read.has(ext));
  if (properties.length) addProperties(el, properties, factory);
}

/** Camunda 8 names the called routine in zeebe:calledElement; by default it passes all variables in and back, as ours. */
function readCalledElement(el: SpellingElement, ext: SpellingElement): void {
  if (typeof ext.processId === 'string' && ext.processId.trim() && !el.calledElement) {
    el.calledElement = ext.processId.trim();
    readFrom(el, 'calledElement', 'zeebe:calledElement processId');
  }
  if (ext.propagateAllChildVariables === 'false') {
    refuseSpelling(el, 'Attributet propagateAllChildVariables="false" stöds inte här: det anropande ärendet får alltid tillbaka de variabler det anropade ärendet slutar med. Ta bort attributet.');
  }
}

function readAssignment(el: SpellingElement, ext: SpellingElement): void {
  const groups = staticList(ext.candidateGroups);
  if (groups !== undefined && !el.candidateGroups) {
    el.candidateGroups = groups;
    readFrom(el, 'camunda:candidateGroups', 'zeebe:assignmentDefinition candidateGroups');
  }
  const users = staticList(ext.candidateUsers);
  if (users !== undefined && !el.candidateUsers) {
    el.candidateUsers = users;
    readFrom(el, 'camunda:candidateUsers', 'zeebe:assignmentDefinition candidateUsers');
  }
  if (typeof ext.assignee === 'string' && ext.assignee.trim() && !el.assignee) {
    el.assignee = ext.assignee.trim();
    readFrom(el, 'camunda:assignee', 'zeebe:assignmentDefinition assignee');
  }
}

/** `a, b` as it is, and a FEEL list of texts (`=["a","b"]`) as `a,b`; anything else stays and its check refuses it. */
function staticList(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const list = /^=\s*\[(\s*"[^"\\]*"\s*(,\s*"[^"\\]*"\s*)*)\]\s*$/.exec(value.trim());
  return list ? [...list[1]!.matchAll(/"([^"\\]*)"/g)].map((m) => m[1]!.trim()).join(',') : value.trim();
}

function addProperties(el: SpellingElement, properties: [string, string][], factory: ElementFactory): void {
  const values = properties.map(([name, value]) => factory.create('camunda:Property', { name, value }));
  const existing = extensionsOf(el).find((ext) => ext.$type === 'camunda:Properties');
  if (existing) existing.values = [...((existing.values as SpellingElement[] | undefined) ?? []), ...values];
  else addExtension(el, factory.create('camunda:Properties', { values }), factory);
}

function dropTemplateAttributes(el: SpellingElement): void {
  const attrs = el.$attrs as Record<string, unknown> | undefined;
  for (const name of templateAttributes) if (attrs) delete attrs[name];
}
