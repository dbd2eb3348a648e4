// The forms module: camunda:formData → FormField list → zod-validated submissions.
export type { FormField, FormFieldType } from './form-field.js';
export { apartmentChoiceStatuses, formFieldTypes, referenceFieldTypes, type ApartmentChoiceStatus } from './form-field.js';
export { type Choice, type FormChoices, resolveForm } from './reference-choices.js';
export { readFormFields, type FormElement } from './read-form-fields.js';
export { toSubmissionSchema, validateSubmission, type SubmissionMode, type SubmissionResult } from './submission.js';
export { containsPersonnummer, fieldMessages, isCalendarDate, maskPersonnummer, maxStringLength } from './field-schema.js';
export { checkValueLimits, limitMessages, maxMessageChars, maxValueDepth, maxValueKeys } from './value-limits.js';
