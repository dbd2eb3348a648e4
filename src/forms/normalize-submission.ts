// Brings a submitted object to JSON-typed values in a null-prototype object, before zod checks them.
import type { FormField } from './form-field.js';

/** `json`: the API's JSON body, strict about types. `html`: a form-urlencoded body, every value a string. */
export type SubmissionMode = 'json' | 'html';

/** An object literal or a null-prototype object (what JSON and form bodies parse to); not an array, class or Date. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Copies the own keys of `input` into a null-prototype object: readonly fields dropped, strings trimmed, empty
 * values removed (absent), and in `html` mode longs and checkboxes turned into numbers and booleans. Unknown keys
 * are kept as they are so that the schema can report them.
 */
export function normalizeSubmission(
  fields: readonly FormField[],
  input: Record<string, unknown>,
  mode: SubmissionMode,
): Record<string, unknown> {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(input)) {
    const field = byId.get(key);
    if (field?.readonly) continue;
    const value = field ? normalizeValue(field, input[key], mode) : input[key];
    if (value !== undefined) out[key] = value;
  }
  if (mode === 'html') {
    // An unticked checkbox is not sent at all.
    for (const f of fields) if (f.type === 'boolean' && !f.readonly && !(f.id in out)) out[f.id] = false;
  }
  return out;
}

function normalizeValue(field: FormField, value: unknown, mode: SubmissionMode): unknown {
  if (value === null && mode === 'json') return undefined;
  if (typeof value !== 'string') return value;
  let text = value.trim();
  // Browsers send textarea line breaks as CRLF; counted as two characters they would break maxlength.
  if (field.type === 'text') text = text.replace(/\r\n?/g, '\n');
  if (text === '') return undefined;
  if (mode === 'json') return text;
  if (field.type === 'long') return /^-?\d+$/.test(text) ? Number(text) : text;
  if (field.type === 'boolean') return fromCheckbox(text);
  return text;
}

function fromCheckbox(text: string): boolean | string {
  if (text === 'on' || text === 'true') return true;
  if (text === 'off' || text === 'false') return false;
  return text;
}
