// The form field spec read from camunda:formData; the same shape is served by the API and rendered by the views.

export const formFieldTypes = ['string', 'text', 'long', 'boolean', 'date', 'enum', 'apartment'] as const;
/** Types whose choices come from the registers when a form is shown or checked, never from the diagram. */
export const referenceFieldTypes: readonly FormFieldType[] = ['apartment'];
export type FormFieldType = (typeof formFieldTypes)[number];

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
  /** `enum`: the diagram's choices; a reference type (`apartment`): the register's choices now, filled by `withChoices`. */
  values?: { id: string; name: string }[];
  defaultValue?: string;
}
