// Reads a form field's camunda:validation constraints into flags and limits, reporting what is wrong.
import { dateLimitOn, dateLimitProblem } from './date-limits.js';
import { isCalendarDate, maxStringLength } from './field-schema.js';
import type { FormField, FormFieldType } from './form-field.js';
import { listOf, textOf } from './moddle-values.js';

/** The constraint part of a FormField. */
export type FieldConstraints = Pick<FormField, 'required' | 'readonly' | 'minlength' | 'maxlength' | 'min' | 'max' | 'minDate' | 'maxDate'>;

type LimitName = 'minlength' | 'maxlength' | 'min' | 'max';

const constraintNames = ['required', 'readonly', 'minlength', 'maxlength', 'min', 'max'] as const;
const lengthTypes: readonly FormFieldType[] = ['string', 'text'];

/**
 * Reads `validation.constraints` of one field. `type` is undefined when the field's type is unknown; then only
 * the names and configs are checked. Every problem is passed to `report`, prefixed by the caller with the field.
 */
export function readConstraints(
  validation: unknown,
  type: FormFieldType | undefined,
  report: (message: string) => void,
): FieldConstraints {
  const result: FieldConstraints = { required: false, readonly: false };
  const seen = new Set<string>();
  for (const constraint of listOf(validation, 'constraints')) {
    const name = textOf(constraint, 'name') ?? '';
    if (!isConstraintName(name)) {
      report(`okänd begränsning "${name}". Tillåtna begränsningar: ${constraintNames.join(', ')}.`);
      continue;
    }
    if (seen.has(name)) {
      report(`begränsningen "${name}" anges flera gånger. Ta bort den ena.`);
      continue;
    }
    seen.add(name);
    if (name === 'required' || name === 'readonly') {
      result[name] = true;
      continue;
    }
    if (type !== undefined && !appliesTo(name, type)) {
      report(`begränsningen "${name}" gäller inte typen ${type}. Ta bort den, eller byt fältets typ.`);
      continue;
    }
    if (type === 'date' && (name === 'min' || name === 'max')) {
      const spec = textOf(constraint, 'config') ?? '';
      const problem = dateLimitProblem(spec);
      if (problem) report(`begränsningen "${name}" ${problem}`);
      else result[name === 'min' ? 'minDate' : 'maxDate'] = spec;
      continue;
    }
    const limit = readLimit(name, textOf(constraint, 'config'), report);
    if (limit !== undefined) result[name] = limit;
  }
  checkOrder(result, report);
  return result;
}

function isConstraintName(name: string): name is (typeof constraintNames)[number] {
  return (constraintNames as readonly string[]).includes(name);
}

function appliesTo(name: LimitName, type: FormFieldType): boolean {
  return name === 'min' || name === 'max' ? type === 'long' || type === 'date' : lengthTypes.includes(type);
}

function readLimit(name: LimitName, config: string | undefined, report: (message: string) => void): number | undefined {
  const isLength = name === 'minlength' || name === 'maxlength';
  const pattern = isLength ? /^\d+$/ : /^-?\d+$/;
  const value = config !== undefined && pattern.test(config) ? Number(config) : undefined;
  if (value === undefined || !Number.isSafeInteger(value)) {
    const wanted = isLength ? 'ett heltal, 0 eller större' : 'ett heltal';
    report(`begränsningen "${name}" behöver ${wanted} som config, inte "${config ?? ''}".`);
    return undefined;
  }
  if (name === 'maxlength' && value > maxStringLength) {
    report(`maxlength får vara högst ${maxStringLength}, eftersom längre texter aldrig tas emot.`);
    return undefined;
  }
  return value;
}

function checkOrder(limits: FieldConstraints, report: (message: string) => void): void {
  const { min, max, minlength, maxlength, minDate, maxDate } = limits;
  // Two relative limits move together, so any day shows whether the earliest comes after the latest; a fixed day and a
  // relative one cross some day, which is the diagram's business.
  const someDay = '2001-01-01';
  const alike = minDate !== undefined && maxDate !== undefined && isCalendarDate(minDate) === isCalendarDate(maxDate);
  if (alike && dateLimitOn(minDate, someDay) > dateLimitOn(maxDate, someDay)) {
    report(`min (${minDate}) ligger efter max (${maxDate}).`);
  }
  if (min !== undefined && max !== undefined && min > max) {
    report(`min (${min}) är större än max (${max}).`);
  }
  if (minlength !== undefined && maxlength !== undefined && minlength > maxlength) {
    report(`minlength (${minlength}) är större än maxlength (${maxlength}).`);
  }
}
