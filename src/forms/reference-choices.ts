// The choices of reference fields (`apartment`): what the registers hold now, as a person recognises it. A form is
// shown and checked with them filled in, so a value outside them is refused like a wrong enum value.
import { referenceFieldTypes, type FormField } from './form-field.js';

export interface Choice {
  /** What is stored: the register's id. */
  id: string;
  /** What a person picks: unit and number, never an id. */
  name: string;
}

export interface FormChoices {
  /** The apartments that can be offered now (vacant), by unit and number. */
  apartments(): Choice[];
}

/** The form with each reference field's current choices; the same array when it has none (its schema stays cached). */
export function withChoices(fields: readonly FormField[], choices: FormChoices): readonly FormField[] {
  if (!fields.some((f) => referenceFieldTypes.includes(f.type))) return fields;
  return fields.map((f) => (f.type === 'apartment' ? { ...f, values: choices.apartments() } : f));
}
