// Field specs for the submission tests, built as the reader would return them.
import type { FormField } from '../../src/forms/index.js';

/** A field of `type` with no constraints, overridden by `extra`. */
export function field(id: string, type: FormField['type'], extra: Partial<FormField> = {}): FormField {
  return { id, label: id, type, required: false, readonly: false, ...extra };
}

/** One optional field of every type. */
export function everyType(): FormField[] {
  return [
    field('namn', 'string'),
    field('motivering', 'text'),
    field('antal', 'long'),
    field('godkand', 'boolean'),
    field('beslutsdatum', 'date'),
    field('svar', 'enum', { values: [{ id: 'ja', name: 'Ja' }, { id: 'nej', name: 'Nej' }] }),
  ];
}
