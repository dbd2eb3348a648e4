// A Camunda 8 form kept in the diagram (zeebe:userTaskForm, Camunda Forms JSON) read as camunda:formData where each
// field maps to one of ours; a form kept elsewhere or a field that does not map refuses the task, naming the field.
import { refuseSpelling, type ElementFactory, type SpellingElement } from './normalize-notes.js';

type Component = Record<string, unknown>;

/** Camunda Forms field types that are ours under another name. */
const fieldTypes: Readonly<Record<string, string>> = { textfield: 'string', textarea: 'text', number: 'long', checkbox: 'boolean', select: 'enum', radio: 'enum', datetime: 'date' };
/** Components that only show text or space on the form; they hold no value, so leaving them out changes no case. */
const displayOnly = new Set(['text', 'spacer', 'separator']);
/** Keys that only place or describe a field. */
const layoutKeys = new Set(['type', 'key', 'id', 'label', 'layout', 'description', 'validate', 'values', 'defaultValue', 'subtype', 'dateLabel', 'decimalDigits']);
const validations: Readonly<Record<string, string>> = { required: 'required', minLength: 'minlength', maxLength: 'maxlength', min: 'min', max: 'max', readonly: 'readonly' };

/** The task's form as camunda:formData, or null (then the task is refused with why). */
export function readZeebeForm(el: SpellingElement, definition: SpellingElement, forms: ReadonlyMap<string, string>, factory: ElementFactory): SpellingElement | null {
  const refuse = (message: string) => {
    refuseSpelling(el, `Camunda 8-formuläret kan inte läsas: ${message}`);
    return null;
  };
  const formKey = typeof definition.formKey === 'string' ? definition.formKey.trim() : '';
  const embedded = /^camunda-forms:bpmn:(.+)$/.exec(formKey)?.[1];
  if (embedded === undefined) return refuse('formuläret finns utanför diagrammet (formId, externalReference eller en annan formKey). Lägg formuläret i diagrammet, eller rita fälten som formulär.');
  const body = forms.get(embedded);
  if (body === undefined) return refuse(`zeebe:userTaskForm "${embedded}" finns inte i processen.`);
  let components: unknown;
  try {
    components = (JSON.parse(body) as { components?: unknown }).components;
  } catch {
    return refuse('formulärets JSON går inte att läsa.');
  }
  if (!Array.isArray(components)) return refuse('formuläret har inga fält (components).');
  const fields: SpellingElement[] = [];
  for (const component of components as Component[]) {
    if (displayOnly.has(String(component?.type))) continue;
    const field = readComponent(component, factory);
    if (typeof field === 'string') return refuse(field);
    fields.push(field);
  }
  return factory.create('camunda:FormData', { fields });
}

/** One Camunda Forms component as a camunda:formField, or why it does not map. */
function readComponent(component: Component, factory: ElementFactory): SpellingElement | string {
  const key = typeof component.key === 'string' ? component.key : '';
  const kind = String(component.type);
  const type = fieldTypes[kind];
  const where = `fältet "${key || kind}"`;
  if (!type) return `${where} är av typen ${kind}, som inte har någon motsvarighet här.`;
  if (!key) return `ett fält av typen ${kind} saknar key.`;
  const extra = Object.keys(component).find((name) => !layoutKeys.has(name));
  if (extra) return `${where} har egenskapen ${extra}, som inte stöds.`;
  if (kind === 'datetime' && component.subtype !== 'date') return `${where} är ett datum med tid; bara datum (subtype "date") stöds.`;
  if (kind === 'number' && Number(component.decimalDigits ?? 0) > 0) return `${where} har decimaler; bara heltal stöds.`;
  const constraints: SpellingElement[] = [];
  const validate = (component.validate ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(validate)) {
    const ours = validations[name];
    if (!ours) return `${where} har valideringen ${name}, som inte stöds.`;
    if (value === false) continue;
    constraints.push(factory.create('camunda:Constraint', ours === 'required' || ours === 'readonly' ? { name: ours } : { name: ours, config: String(value) }));
  }
  const attrs: Record<string, unknown> = { id: key, label: String(component.label ?? component.dateLabel ?? key), type };
  if (component.defaultValue !== undefined) attrs.defaultValue = String(component.defaultValue);
  if (constraints.length) attrs.validation = factory.create('camunda:Validation', { constraints });
  if (type === 'enum') {
    const values = component.values;
    if (!Array.isArray(values) || !values.length) return `${where} har inga fasta val (values).`;
    attrs.values = (values as Component[]).map((v) => factory.create('camunda:Value', { id: String(v?.value ?? ''), name: String(v?.label ?? v?.value ?? '') }));
  }
  return factory.create('camunda:FormField', attrs);
}
