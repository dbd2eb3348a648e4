// What a posted form gives: the fields' values without the CSRF token, and a draft's values as typed.
import type { FieldError } from '../../errors.js';
import type { FormField } from '../../forms/index.js';

/** A form that came back with errors: what was submitted (as typed) and a message per field. */
export interface Submitted {
  values: Record<string, unknown>;
  errors: FieldError[];
}

/** Form keys that belong to the page, not to the form's fields. */
const pageKeys = new Set(['_csrf']);

/** The posted values by field name (a null-prototype object, as `validateSubmission` takes it). */
export function submittedValues(body: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = Object.create(null);
  if (typeof body !== 'object' || body === null) return values;
  for (const [key, value] of Object.entries(body)) if (!pageKeys.has(key)) values[key] = value;
  return values;
}

/**
 * A draft of the editable fields as typed, valid or not: texts as they stand (the first of a repeated key),
 * checkboxes as yes or no. Readonly and unknown fields are left out.
 */
export function draftValues(fields: readonly FormField[], submitted: Record<string, unknown>): Record<string, unknown> {
  const draft: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.readonly) continue;
    const raw = Object.hasOwn(submitted, field.id) ? submitted[field.id] : undefined;
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (field.type === 'boolean') draft[field.id] = value === 'on' || value === 'true';
    else if (typeof value === 'string' && value.trim() !== '') draft[field.id] = value;
  }
  return draft;
}
