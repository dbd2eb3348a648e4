// What the page that starts a case shows: the process's start form with a case number field first.
import { permissions, type Actor } from '../../auth/index.js';
import type { ProcessDetail } from '../../runtime/index.js';
import type { FormField } from '../../forms/index.js';
import { formView } from '../shared/form-view-model.js';
import type { Submitted } from '../shared/form-post-model.js';

/** The case number (`businessKey`) is asked for like any other field, before the start form's own. */
const businessKeyField: FormField = { id: 'businessKey', label: 'Ärendenummer', type: 'string', required: false, readonly: false, maxlength: 200 };

/** One list per start form, so that its validation schema is built once (validateSubmission caches by list). */
const withBusinessKey = new WeakMap<readonly FormField[], FormField[]>();

/** The fields of the start page: the case number, then the start form (which keeps its own field if it has one). */
export function startFields(startForm: readonly FormField[]): FormField[] {
  let fields = withBusinessKey.get(startForm);
  if (!fields) {
    fields = startForm.some((f) => f.id === businessKeyField.id) ? [...startForm] : [businessKeyField, ...startForm];
    withBusinessKey.set(startForm, fields);
  }
  return fields;
}

/** Who may start the process: its starter groups (any role when there are none), admin; never the auditor. */
export function mayStart(actor: Actor, process: ProcessDetail): boolean {
  return permissions.startProcess(actor, process.starterGroups);
}

/** The page's data; `submitted` when the form comes back with errors. */
export function processStartModel(process: ProcessDetail, submitted?: Submitted) {
  const fields = startFields(process.startForm);
  const defaults = Object.fromEntries(fields.map((f) => [f.id, f.defaultValue]));
  const form = formView(fields, submitted?.values ?? defaults, submitted?.errors ?? []);
  const businessKey = form.fields.find((f) => f.name === businessKeyField.id && f.label === businessKeyField.label);
  if (businessKey) businessKey.hint = 'Kommunens beteckning för ärendet, till exempel diarienumret. Frivilligt. Skriv inte personnummer.';
  return { process: { key: process.key, name: process.name, version: process.version }, form };
}
