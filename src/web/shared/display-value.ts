// How a case's value reads on a page: yes/no for booleans, a decimal comma, a dash for nothing; a picked reference by
// what it names (Lindgården 12, the applicant, the user), never by its id alone.
import type { CaseAnswer } from '../../runtime/index.js';

export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return JSON.stringify(value);
}

/** One answer as a row: its form's label and its value as people read it. */
export function answerRow(answer: CaseAnswer): { label: string; value: string } {
  return { label: answer.label, value: answer.named ?? displayValue(answer.value) };
}
