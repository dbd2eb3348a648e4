// The form field spec read from camunda:formData; the same shape is served by the API and rendered by the views.

export const formFieldTypes = ['string', 'text', 'long', 'boolean', 'date', 'enum'] as const;
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
  /** Only for `enum`. */
  values?: { id: string; name: string }[];
  defaultValue?: string;
}
