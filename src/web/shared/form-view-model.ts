// Turns a form's fields, the values to show and the field errors into what views/partials/form-fields.hbs renders.
import type { FieldError } from '../../errors.js';
import { referenceFieldTypes, type FormField } from '../../forms/index.js';

/** Enums with at most this many values are radio buttons; longer ones a select. */
const maxRadios = 3;
/** A register's list longer than this gets a box to filter it by what a person types. */
const searchableFrom = 7;

function isReference(field: FormField): boolean {
  return referenceFieldTypes.includes(field.type);
}

export interface FieldOptionView {
  value: string;
  label: string;
  selected: boolean;
  inputId: string;
}

/** One field as the template needs it: every attribute decided here, none in the template. */
export interface FieldView {
  name: string;
  inputId: string;
  label: string;
  control: 'input' | 'textarea' | 'checkbox' | 'select' | 'radios';
  inputType: 'text' | 'number' | 'date' | null;
  required: boolean;
  /** Shown but not editable: `readonly` on inputs and textareas, `disabled` on the rest. */
  readonly: boolean;
  disabled: boolean;
  value: string;
  checked: boolean;
  options: FieldOptionView[];
  /** Attribute values as text, so that a limit of 0 is not taken for none by `{{#if}}`. */
  minlength: string | null;
  maxlength: string | null;
  min: string | null;
  max: string | null;
  /** A long list of a register's choices gets a filter box (public/searchable-select.js). */
  searchable: boolean;
  hint: string | null;
  hintId: string;
  error: string | null;
  errorId: string;
  describedBy: string | null;
}

/** The form: its fields and the error summary (a link to each field in error). */
export interface FormView {
  fields: FieldView[];
  /** Whether to explain the required mark. */
  anyRequired: boolean;
  errors: { href: string | null; text: string }[];
}

/**
 * The form as shown: `values` by field id (stored values or what was just submitted), one message beside each field
 * in `errors`, and `locked` for someone who may only read it (every control disabled).
 */
export function formView(fields: readonly FormField[], values: Record<string, unknown>, errors: readonly FieldError[] = [], locked = false): FormView {
  const messages = new Map(errors.map((e) => [e.field, e.message]));
  const views = fields.map((field) => fieldView(field, values[field.id], messages.get(field.id) ?? null, locked));
  const byName = new Map(views.map((v) => [v.name, v]));
  const summary = errors.map((e) => {
    const view = byName.get(e.field);
    if (!view) return { href: null, text: e.field ? `${e.field}: ${e.message}` : e.message };
    return { href: `#${view.control === 'radios' ? view.options[0]!.inputId : view.inputId}`, text: `${view.label}: ${e.message}` };
  });
  return { fields: views, anyRequired: views.some((v) => v.required && v.control !== 'checkbox' && !v.disabled && !v.readonly), errors: summary };
}

function fieldView(field: FormField, value: unknown, error: string | null, locked: boolean): FieldView {
  const inputId = `field-${field.id}`;
  const control = controlOf(field);
  const text = toText(field, value);
  const hint = field.readonly || locked ? null : hintOf(field);
  const view: FieldView = {
    name: field.id,
    inputId,
    label: field.label,
    control,
    inputType: field.type === 'long' ? 'number' : field.type === 'date' ? 'date' : control === 'input' ? 'text' : null,
    required: field.required,
    readonly: field.readonly && !locked && (control === 'input' || control === 'textarea'),
    disabled: locked || (field.readonly && control !== 'input' && control !== 'textarea'),
    value: text,
    checked: value === true || text === 'on' || text === 'true',
    options: (field.values ?? []).map((v, i) => ({ value: v.id, label: v.name, selected: v.id === text, inputId: i === 0 ? inputId : `${inputId}-${i}` })),
    minlength: attribute(field.minlength),
    maxlength: attribute(field.maxlength),
    min: field.type === 'date' ? (field.earliest ?? null) : attribute(field.min),
    max: field.type === 'date' ? (field.latest ?? null) : attribute(field.max),
    searchable: isReference(field) && !locked && !field.readonly && (field.values?.length ?? 0) > searchableFrom,
    hint,
    hintId: `${inputId}-hint`,
    error,
    errorId: `${inputId}-error`,
    describedBy: null,
  };
  view.describedBy = [hint ? view.hintId : null, error ? view.errorId : null].filter(Boolean).join(' ') || null;
  return view;
}

function attribute(limit: number | undefined): string | null {
  return limit === undefined ? null : String(limit);
}

function controlOf(field: FormField): FieldView['control'] {
  switch (field.type) {
    case 'text':
      return 'textarea';
    case 'boolean':
      return 'checkbox';
    case 'enum':
      return (field.values?.length ?? 0) <= maxRadios ? 'radios' : 'select';
    case 'apartment':
    case 'queueEntry':
    case 'user':
    case 'unit':
    case 'offer':
      // The register's choices change and may be many: a list to pick from (typing a letter jumps to it).
      return 'select';
    default:
      return 'input';
  }
}

/** A value as an input shows it; a duplicated form key arrives as a list, of which the first is shown. */
function toText(field: FormField, value: unknown): string {
  if (Array.isArray(value)) return toText(field, value[0]);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return '';
  // A date input takes only the day; a variable may hold a whole instant.
  return field.type === 'date' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
}

function hintOf(field: FormField): string | null {
  if (field.type === 'long') {
    if (field.min !== undefined && field.max !== undefined) return `Ett heltal från ${field.min} till ${field.max}.`;
    if (field.min !== undefined) return `Ett heltal, minst ${field.min}.`;
    if (field.max !== undefined) return `Ett heltal, högst ${field.max}.`;
    return null;
  }
  if (field.type === 'date') return dateHint(field);
  if (field.type === 'personnummer') return 'ÅÅÅÅMMDD-NNNN, till exempel 19640823-3234. Samordningsnummer går också.';
  if (isReference(field)) return referenceHint(field);
  if (field.minlength !== undefined && field.maxlength !== undefined) return `Mellan ${field.minlength} och ${field.maxlength} tecken.`;
  if (field.maxlength !== undefined) return `Högst ${field.maxlength} tecken.`;
  if (field.minlength !== undefined) return `Minst ${field.minlength} tecken.`;
  return null;
}

function dateHint(field: FormField): string {
  const { earliest, latest } = field;
  if (earliest !== undefined && latest !== undefined) return `Ett datum från ${earliest} till ${latest}.`;
  if (latest !== undefined) return `Ett datum, senast ${latest}.`;
  if (earliest !== undefined) return `Ett datum, tidigast ${earliest}.`;
  return 'Till exempel 2027-03-31.';
}

function referenceHint(field: FormField): string {
  const any = (field.values?.length ?? 0) > 0;
  switch (field.type) {
    case 'apartment':
      if (field.filter?.status === 'reserverad') return any ? 'Reserverade lägenheter i boenderegistret, efter boende och nummer.' : 'Det finns ingen reserverad lägenhet i boenderegistret.';
      if (field.filter?.status === 'uthyrd') return any ? 'Uthyrda lägenheter i boenderegistret, efter boende och nummer.' : 'Det finns ingen uthyrd lägenhet i boenderegistret.';
      return any ? 'Lediga lägenheter i boenderegistret, efter boende och nummer.' : 'Det finns ingen ledig lägenhet i boenderegistret just nu.';
    case 'queueEntry':
      return any ? 'De sökande som står i kön, den som väntat längst först.' : 'Ingen sökande står i kön just nu.';
    case 'unit':
      return any ? 'Boendena i boenderegistret, efter namn.' : 'Boenderegistret har inga boenden ännu.';
    case 'offer':
      return any ? 'Erbjudandena i boenderegistret, det senaste först.' : 'Boenderegistret har inga erbjudanden ännu.';
    default:
      return any ? 'Användare med rätt roll, efter namn.' : 'Ingen användare har den roll som fältet kräver. Be en administratör lägga till en.';
  }
}
