// The form field spec read from camunda:formData; the same shape is served by the API and rendered by the views.

export const formFieldTypes = ['string', 'text', 'long', 'boolean', 'date', 'enum', 'apartment', 'queueEntry', 'user', 'unit', 'offer', 'personnummer'] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

/** Types whose choices come from the registers when a form is shown or checked, never from the diagram. */
export const referenceFieldTypes: readonly FormFieldType[] = ['apartment', 'queueEntry', 'user', 'unit', 'offer'];

/**
 * Which apartments an `apartment` field offers: vacant ones to offer (default), let ones that are being left, or
 * reserved ones (the apartment an offer message names).
 */
export const apartmentChoiceStatuses = ['ledig', 'uthyrd', 'reserverad'] as const;
export type ApartmentChoiceStatus = (typeof apartmentChoiceStatuses)[number];

/** What narrows a reference field's choices, from its `camunda:properties`. */
export interface ReferenceFilter {
  /** `user`: the role the chosen user must hold. */
  role?: string;
  /** `apartment`: the status of the apartments to choose among. */
  status?: ApartmentChoiceStatus;
  /** `queueEntry`: only places in the queue for this insats (as the queue names it). */
  insats?: string;
}

export interface FormField {
  id: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  readonly: boolean;
  minlength?: number;
  maxlength?: number;
  min?: number;
  max?: number;
  /** `date`: the earliest and latest day the diagram allows, as written (`today`, `today-P5Y`, `2020-01-01`). */
  minDate?: string;
  maxDate?: string;
  /** `date`: those limits as days (YYYY-MM-DD) on the day the form is shown or checked, filled by `resolveForm`. */
  earliest?: string;
  latest?: string;
  /** `string`/`text` whose label says it must not hold a personnummer ("… inte personnummer"): such text is refused. */
  refusesPersonnummer?: boolean;
  /** A reference field's filter. */
  filter?: ReferenceFilter;
  /** `enum`: the diagram's choices; a reference type: the registers' choices now, filled by `resolveForm`. */
  values?: { id: string; name: string }[];
  defaultValue?: string;
}
