// Reads the camunda:formData of a start event or user task into FormFields, with every problem the form has.
import type { DefinitionProblem } from '../errors.js';
import { isRole, roleNames } from '../auth/index.js';
import { apartmentChoiceStatuses, formFieldTypes, type ApartmentChoiceStatus, type FormField, type FormFieldType, type ReferenceFilter } from './form-field.js';
import { listOf, objectOf, textOf } from './moddle-values.js';
import { readConstraints } from './read-constraints.js';
import { validateSubmission } from './submission.js';

/** Field ids are variable names in FEEL conditions, so they must be plain identifiers. */
const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Plain identifiers that would reach into an object's prototype when used as a key. */
const reservedIds = new Set(['__proto__', 'constructor', 'prototype']);

/** A parsed bpmn-moddle element: only its id and extension elements are read. */
export interface FormElement {
  id: string;
  extensionElements?: unknown;
}

/**
 * The form of `element` (its `camunda:formData` fields, in order) and the problems that must stop a deployment.
 * An element without formData has an empty form. Only well-formed fields are returned.
 */
export function readFormFields(element: FormElement, file: string): { fields: FormField[]; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const report = (message: string) => problems.push({ file, elementId: element.id, message });
  const fields: FormField[] = [];
  const ids = new Set<string>();
  const formData = listOf(element.extensionElements, 'values').filter((v) => v.$type === 'camunda:FormData');
  for (const raw of formData.flatMap((data) => listOf(data, 'fields'))) {
    const id = typeof raw.id === 'string' ? raw.id : '';
    if (id === '') {
      report('Ett formulärfält saknar id. Ge det ett id (variabelns namn, t.ex. beslutsdatum) under "Id" i redigeraren.');
      continue;
    }
    if (ids.has(id)) {
      report(`Formulärfältet "${id}" finns flera gånger i formuläret. Ge varje fält ett eget id, eller ta bort det ena.`);
      continue;
    }
    ids.add(id);
    const field = readField(id, raw, (message) => report(`Formulärfältet "${id}": ${message}`));
    if (field) fields.push(field);
  }
  return { fields, problems };
}

function readField(id: string, raw: Record<string, unknown>, report: (message: string) => void): FormField | null {
  let wellFormed = true;
  const fail = (message: string) => {
    wellFormed = false;
    report(message);
  };
  if (!identifierPattern.test(id)) {
    fail('id:t får bara innehålla a–z, A–Z, siffror och _ och får inte börja med en siffra (villkor i FEEL använder det).');
  } else if (reservedIds.has(id)) {
    fail('id:t är reserverat; välj ett annat namn.');
  }
  const type = readType(textOf(raw, 'type'), fail);
  const constraints = readConstraints(objectOf(raw, 'validation'), type, fail);
  const values = readValues(listOf(raw, 'values'), type, fail);
  const filter = type === undefined ? undefined : readFilter(type, listOf(objectOf(raw, 'properties'), 'values'), fail);
  if (!wellFormed || type === undefined) return null;

  const field: FormField = { id, label: textOf(raw, 'label') ?? id, type, ...constraints };
  if (values) field.values = values;
  if (filter) field.filter = filter;
  if ((type === 'string' || type === 'text') && /inte personnummer/i.test(field.label)) field.refusesPersonnummer = true;
  const defaultValue = textOf(raw, 'defaultValue');
  if (defaultValue !== undefined) {
    field.defaultValue = defaultValue;
    const checked = validateSubmission([{ ...field, required: false, readonly: false }], { [id]: defaultValue }, 'html');
    if (!checked.ok) {
      report(`standardvärdet "${defaultValue}" är inte giltigt: ${checked.errors.map((e) => e.message).join(' ')}`);
      return null;
    }
  }
  return field;
}

function readType(type: string | undefined, fail: (message: string) => void): FormFieldType | undefined {
  if (type !== undefined && (formFieldTypes as readonly string[]).includes(type)) return type as FormFieldType;
  const allowed = `Tillåtna typer: ${formFieldTypes.join(', ')}.`;
  fail(type === undefined ? `typ saknas. ${allowed}` : `okänd typ "${type}". ${allowed}`);
  return undefined;
}

function readValues(
  raw: Record<string, unknown>[],
  type: FormFieldType | undefined,
  fail: (message: string) => void,
): FormField['values'] | undefined {
  if (type !== 'enum') {
    if (raw.length > 0 && type !== undefined) fail(`har alternativ (camunda:value) men är av typen ${type}, inte enum. Gör fältet till typen enum ("Val från lista"), eller ta bort alternativen.`);
    return undefined;
  }
  if (raw.length === 0) fail('en enum behöver minst ett alternativ (camunda:value).');
  const values: { id: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const value of raw) {
    const id = textOf(value, 'id');
    if (id === undefined) {
      fail('ett alternativ saknar id.');
    } else if (seen.has(id)) {
      fail(`alternativet "${id}" finns flera gånger. Ge varje alternativ ett eget id.`);
    } else {
      seen.add(id);
      values.push({ id, name: textOf(value, 'name') ?? id });
    }
  }
  return values;
}

/**
 * A reference field's filter from its `camunda:properties` (`role` for `user`, required; `status` for `apartment`;
 * `insats` for `queueEntry`). Properties of other fields are Camunda's business and left alone.
 */
function readFilter(type: FormFieldType, properties: Record<string, unknown>[], fail: (message: string) => void): ReferenceFilter | undefined {
  const named = new Map<string, string>();
  for (const property of properties) {
    const name = textOf(property, 'id') ?? textOf(property, 'name');
    const value = textOf(property, 'value');
    if (name !== undefined && value !== undefined) named.set(name, value);
  }
  if (type === 'user') {
    const role = named.get('role');
    if (role === undefined) {
      fail('ett användarfält behöver egenskapen role (camunda:property id="role") med den roll användaren ska ha.');
      return undefined;
    }
    if (!isRole(role)) {
      fail(`okänd roll "${role}" i egenskapen role. Roller: ${Object.keys(roleNames).join(', ')}.`);
      return undefined;
    }
    return { role };
  }
  if (type === 'apartment') {
    const status = named.get('status');
    if (status === undefined) return undefined;
    if (!(apartmentChoiceStatuses as readonly string[]).includes(status)) {
      fail(`egenskapen status kan vara ${apartmentChoiceStatuses.join(', ')}, inte "${status}".`);
      return undefined;
    }
    return { status: status as ApartmentChoiceStatus };
  }
  if (type === 'queueEntry') {
    const insats = named.get('insats');
    return insats === undefined ? undefined : { insats };
  }
  return undefined;
}
