// A form as of now: reference fields (`apartment`, `queueEntry`, `user`, `unit`, `offer`) get what the registers hold now, as a person
// recognises it, and date fields their limits as days. A form is shown and checked resolved, so a value outside the
// choices is refused like a wrong enum value, and a decision date after today like a malformed date.
import { dateLimitOn } from './date-limits.js';
import { referenceFieldTypes, type ApartmentChoiceStatus, type FormField } from './form-field.js';

export interface Choice {
  /** What is stored: the register's id or the user name. */
  id: string;
  /** What a person picks: unit and number, the applicant's name and queue date, the user's name; never an id. */
  name: string;
}

export interface FormChoices {
  /** The apartments with that status, by unit and number. */
  apartments(status: ApartmentChoiceStatus): Choice[];
  /** The active places in the housing queue (for one insats when given), by the applicant's name and queue date. */
  queueEntries(insats: string | undefined): Choice[];
  /** The register's offers, newest first, by apartment, applicant and day. */
  offers(): Choice[];
  /** The units (boenden) of the register, by name. */
  units(): Choice[];
  /** The users who hold the role, by name. */
  users(role: string): Choice[];
  /** Today's day (YYYY-MM-DD), where date limits count from. */
  today(): string;
}

/** The form resolved as of now; the same array when nothing in it depends on now (its schema stays cached). */
export function resolveForm(fields: readonly FormField[], choices: FormChoices): readonly FormField[] {
  if (!fields.some(dependsOnNow)) return fields;
  const today = choices.today();
  return fields.map((f) => {
    if (!dependsOnNow(f)) return f;
    if (f.type === 'date') {
      const resolved: FormField = { ...f };
      if (f.minDate !== undefined) resolved.earliest = dateLimitOn(f.minDate, today);
      if (f.maxDate !== undefined) resolved.latest = dateLimitOn(f.maxDate, today);
      return resolved;
    }
    return { ...f, values: choicesOf(f, choices) };
  });
}

function dependsOnNow(field: FormField): boolean {
  return referenceFieldTypes.includes(field.type) || (field.type === 'date' && (field.minDate !== undefined || field.maxDate !== undefined));
}

function choicesOf(field: FormField, choices: FormChoices): Choice[] {
  switch (field.type) {
    case 'apartment':
      return choices.apartments(field.filter?.status ?? 'ledig');
    case 'queueEntry':
      return choices.queueEntries(field.filter?.insats);
    case 'unit':
      return choices.units();
    case 'offer':
      return choices.offers();
    case 'user':
      // A user field is deployed only with a role (read-form-fields), so none here means no user fits.
      return field.filter?.role ? choices.users(field.filter.role) : [];
    default:
      return [];
  }
}
