// A multi-instance task's answers as people read them: one row per item and form field, under the task's name, the
// item and the field's label, instead of the list as raw data (which would also show a personnummer unmasked).
import type { FormField } from '../forms/index.js';
import { itemLabel } from '../engine/index.js';

export interface ItemAnswerRow {
  id: string;
  label: string;
  value: unknown;
  field: FormField;
}

/**
 * The rows of the answers list `value` of the multi-instance task `taskName` with `form`, in list order and the form's
 * field order; items not answered yet and fields left empty have no row. Null when `value` is not such a list.
 */
export function itemAnswerRows(taskId: string, taskName: string, form: readonly FormField[], elementVariable: string, value: unknown): ItemAnswerRow[] | null {
  if (!Array.isArray(value)) return null;
  const rows: ItemAnswerRow[] = [];
  value.forEach((answer, index) => {
    if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return;
    const values = answer as Record<string, unknown>;
    const item = itemLabel(values[elementVariable], index);
    for (const field of form) {
      if (values[field.id] === undefined || values[field.id] === null) continue;
      rows.push({ id: `${taskId}.${index}.${field.id}`, label: `${taskName}: ${item} – ${field.label}`, value: values[field.id], field });
    }
  });
  return rows;
}
