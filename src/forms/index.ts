// The forms module: camunda:formData → FormField list → zod-validated submissions.
export type { FormField, FormFieldType } from './form-field.js';
export { formFieldTypes, referenceFieldTypes } from './form-field.js';
export { type Choice, type FormChoices, withChoices } from './reference-choices.js';
export { readFormFields, type FormElement } from './read-form-fields.js';
export { toSubmissionSchema, validateSubmission, type SubmissionMode, type SubmissionResult } from './submission.js';
export { fieldMessages, isCalendarDate, maxStringLength } from './field-schema.js';
export { checkValueLimits, limitMessages, maxMessageChars, maxValueDepth, maxValueKeys } from './value-limits.js';
