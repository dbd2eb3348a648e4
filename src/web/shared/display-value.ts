// How a case's value reads on a page: yes/no for booleans, a decimal comma, a dash for nothing, a personnummer masked;
// a picked reference by what it names (Lindgården 12, the applicant, the user), never by its id alone.
import { containsPersonnummer, maskPersonnummer } from '../../forms/index.js';
import type { CaseAnswer } from '../../runtime/index.js';

export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  // A personnummer field's value (stored ÅÅÅÅMMDD-NNNN) shows masked wherever it appears: the history, the CSV.
  if (typeof value === 'string' && /^\d{8}-\d{4}$/.test(value) && containsPersonnummer(value)) return maskPersonnummer(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return JSON.stringify(value);
}

/** One answer as a row: its form's label and its value as people read it. */
export function answerRow(answer: CaseAnswer): { label: string; value: string } {
  return { label: answer.label, value: answer.named ?? displayValue(answer.value) };
}
