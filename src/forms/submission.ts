// Validates submitted form values against a form's field list with a zod schema built from it.
import { z } from 'zod';
import type { FieldError } from '../errors.js';
import { fieldMessages, toFieldSchema } from './field-schema.js';
import type { FormField } from './form-field.js';
import { isPlainObject, normalizeSubmission, type SubmissionMode } from './normalize-submission.js';

export type { SubmissionMode } from './normalize-submission.js';

/** What a validated submission gives: the values by field id, or one Swedish message per field in error. */
export type SubmissionResult = { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldError[] };

const notAnObjectMessage = 'Uppgifterna måste skickas som ett objekt med ett värde per fält.';

/**
 * The zod schema of a whole submission: a plain object whose keys are the form's editable fields. Readonly fields
 * are dropped, any other key is refused, and the output is a null-prototype object holding only answered fields.
 */
export function toSubmissionSchema(fields: readonly FormField[], mode: SubmissionMode) {
  const editable = fields.filter((f) => !f.readonly);
  // fromEntries defines own properties, so even a field called __proto__ could not reach a prototype.
  const shape = Object.fromEntries(editable.map((f) => [f.id, toFieldSchema(f)]));
  return z
    .custom<Record<string, unknown>>(isPlainObject, { error: notAnObjectMessage })
    .transform((input) => normalizeSubmission(fields, input, mode))
    .pipe(z.strictObject(shape))
    .transform((parsed) => withoutAbsent(parsed, editable));
}

/** Validates `input` against the form; on failure every field in error gets its message, all at once. */
export function validateSubmission(fields: readonly FormField[], input: unknown, mode: SubmissionMode): SubmissionResult {
  // jitless: submitted values are never checked by code that zod compiles with `new Function` (house rule: no eval).
  const result = cachedSchema(fields, mode).safeParse(input, { jitless: true });
  if (result.success) return { ok: true, values: result.data };
  return { ok: false, errors: toFieldErrors(result.error.issues) };
}

/** A form's field list is built once per definition or task, so its schemas are built once too. */
const schemas = { json: new WeakMap<readonly FormField[], ReturnType<typeof toSubmissionSchema>>(), html: new WeakMap<readonly FormField[], ReturnType<typeof toSubmissionSchema>>() };

function cachedSchema(fields: readonly FormField[], mode: SubmissionMode) {
  let schema = schemas[mode].get(fields);
  if (!schema) schemas[mode].set(fields, (schema = toSubmissionSchema(fields, mode)));
  return schema;
}

function withoutAbsent(parsed: Record<string, unknown>, editable: readonly FormField[]): Record<string, unknown> {
  const values: Record<string, unknown> = Object.create(null);
  for (const { id } of editable) {
    if (Object.hasOwn(parsed, id) && parsed[id] !== undefined) values[id] = parsed[id];
  }
  return values;
}

/** One error per field (the first zod found), unknown keys each named, in the form's field order. */
function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (field: string, message: string) => {
    if (seen.has(field)) return;
    seen.add(field);
    errors.push({ field, message });
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(key, fieldMessages.unknown);
    } else {
      add(issue.path.length > 0 ? String(issue.path[0]) : '', issue.message);
    }
  }
  return errors;
}
