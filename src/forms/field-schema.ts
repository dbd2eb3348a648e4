// The zod schema of one form field's value, after the submission has been normalised to JSON types.
import personnummerModule from 'personnummer';
import { z } from 'zod';
import type { FormField } from './form-field.js';

// The package's types describe an ES default export; its CommonJS build exports the class itself, which Node's
// default import gives.
const Personnummer = personnummerModule as unknown as typeof personnummerModule.default;

/** No submitted string may be longer than this, whatever the diagram says. */
export const maxStringLength = 10_000;

/** The Swedish messages a person sees next to a field. */
export const fieldMessages = {
  required: 'Fältet är obligatoriskt.',
  text: 'Ange en text.',
  long: 'Ange ett heltal.',
  date: 'Ange ett datum (ÅÅÅÅ-MM-DD).',
  enum: 'Välj ett av alternativen.',
  apartment: 'Välj en av lägenheterna i listan.',
  queueEntry: 'Välj en av de sökande i kön i listan.',
  user: 'Välj en av användarna i listan.',
  unit: 'Välj ett av boendena i listan.',
  offer: 'Välj ett av erbjudandena i boenderegistret.',
  personnummer: 'Ange ett personnummer eller samordningsnummer, ÅÅÅÅMMDD-NNNN; kontrollsiffran måste stämma.',
  noPersonnummer: 'Fältet får inte innehålla ett personnummer. Skriv referensen som den står i verksamhetssystemet.',
  earliest: (day: string) => `Datumet kan inte vara före ${day}.`,
  latest: (day: string) => `Datumet kan inte vara efter ${day}.`,
  boolean: 'Ange ja eller nej.',
  unknown: 'Okänt fält.',
  /** A start-form field sent after the start: the decision it records is read-only. */
  decision: 'Fältet hör till beslutet i startformuläret och kan inte ändras efter starten.',
  minlength: (n: number) => `Minst ${n} tecken.`,
  maxlength: (n: number) => `Högst ${n} tecken.`,
  min: (n: number) => `Lägsta värde är ${n}.`,
  max: (n: number) => `Högsta värde är ${n}.`,
} as const;

/** The value schema of one field; required fields give the required message when the value is absent. */
export function toFieldSchema(field: FormField): z.ZodType {
  const base = baseSchema(field);
  return field.required ? base : base.optional();
}

function baseSchema(field: FormField): z.ZodType {
  switch (field.type) {
    case 'string':
    case 'text':
      return textSchema(field);
    case 'long':
      return longSchema(field);
    case 'boolean':
      return z.boolean({ error: typeError(fieldMessages.boolean) });
    case 'date':
      return dateSchema(field);
    case 'enum':
      return enumSchema(field, fieldMessages.enum);
    case 'apartment':
    case 'queueEntry':
    case 'user':
    case 'unit':
    case 'offer':
      return enumSchema(field, fieldMessages[field.type]);
    case 'personnummer':
      return z
        .string({ error: typeError(fieldMessages.personnummer) })
        .refine((s) => s.length <= 20 && Personnummer.valid(s), { error: fieldMessages.personnummer })
        .transform(toLongForm);
  }
}

/** A calendar day within the limits the form carries today (`earliest`, `latest`, filled by resolveForm). */
function dateSchema(field: FormField): z.ZodType {
  const { earliest, latest } = field;
  let schema = z.string({ error: typeError(fieldMessages.date) }).refine(isCalendarDate, { error: fieldMessages.date, abort: true });
  if (earliest !== undefined) schema = schema.refine((day) => day >= earliest, { error: fieldMessages.earliest(earliest) });
  if (latest !== undefined) schema = schema.refine((day) => day <= latest, { error: fieldMessages.latest(latest) });
  return schema;
}

/** One way of writing every number, whichever the person typed (640823-3234, 196408233234): 19640823-3234. */
function toLongForm(valid: string): string {
  const digits = Personnummer.parse(valid).format(true);
  return `${digits.slice(0, 8)}-${digits.slice(8)}`;
}

function textSchema(field: FormField): z.ZodType {
  const min = field.minlength;
  const max = Math.min(field.maxlength ?? maxStringLength, maxStringLength);
  let schema = z.string({ error: typeError(fieldMessages.text) });
  if (min !== undefined) {
    schema = schema.refine((s) => charCount(s) >= min, { error: fieldMessages.minlength(min) });
  }
  // A string of at most `max` code units cannot hold more than `max` characters; one of over 2 × max always does.
  const short = (s: string) => s.length <= max || (s.length <= 2 * max && charCount(s) <= max);
  const checked = schema.refine(short, { error: fieldMessages.maxlength(max) });
  return field.refusesPersonnummer ? checked.refine((s) => !containsPersonnummer(s), { error: fieldMessages.noPersonnummer }) : checked;
}

/** Digits written as a personnummer or samordningsnummer (6 or 8, a separator or none, 4) whose check digit holds. */
export function containsPersonnummer(text: string): boolean {
  for (const match of text.matchAll(/(?<!\d)(\d{6}|\d{8})[-+ ]?(\d{4})(?!\d)/g)) {
    if (Personnummer.valid(`${match[1]}-${match[2]}`)) return true;
  }
  return false;
}

/** A personnummer as lists show it: the birth date, the last four hidden (19640823-****). */
export function maskPersonnummer(value: string): string {
  return value.replace(/^(\d{8})-?\d{4}$/, '$1-****');
}

function longSchema(field: FormField): z.ZodType {
  let schema = z.number({ error: typeError(fieldMessages.long) }).int({ error: fieldMessages.long });
  if (field.min !== undefined) schema = schema.min(field.min, { error: fieldMessages.min(field.min) });
  if (field.max !== undefined) schema = schema.max(field.max, { error: fieldMessages.max(field.max) });
  return schema;
}

/** One of the field's choices: the diagram's (enum) or the register's now (a reference type, none when not filled). */
function enumSchema(field: FormField, message: string): z.ZodType {
  const ids = (field.values ?? []).map((v) => v.id);
  const [first, ...rest] = ids;
  if (first === undefined) return z.never({ error: typeError(message) });
  return z.enum([first, ...rest], { error: typeError(message) });
}

/** An absent value reaches the type check as `undefined`; that is the "required" case, not a type error. */
function typeError(message: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? fieldMessages.required : message);
}

/** Counts characters as a person does (code points), so an emoji is one character, not two. */
function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** `YYYY-MM-DD` naming a day that exists (2027-02-30 does not). */
export function isCalendarDate(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}
