// The items of a multi-instance task as people see them (a label in the task's name) and where their answers go.
import { containsPersonnummer } from '../../forms/index.js';
import type { TaskRecord } from '../records/index.js';

/** One item of a multi-instance task as the engine has it waiting: its place (from 0), the list's length, the item. */
export interface LoopItem {
  index: number;
  count: number;
  item: unknown;
}

/** Fields a list item of objects is usually named by, in the order tried. */
const labelFields = ['namn', 'name', 'titel', 'title', 'rubrik', 'label', 'id'];
const maxLabelLength = 80;

/** What a caseworker calls the item: a text or number as it is, an object by its name field, else its place. */
export function itemLabel(item: unknown, index: number): string {
  const text = labelText(item) ?? (isRecord(item) ? labelFields.map((f) => labelText(item[f])).find(Boolean) : null);
  if (!text) return `post ${index + 1}`;
  const shown = withoutPersonnummer(text);
  return shown.length > maxLabelLength ? `${shown.slice(0, maxLabelLength - 1)}…` : shown;
}

/**
 * The label is the task's name in the inbox, the lists and the history, where a personnummer is never shown whole:
 * a list of persons by personnummer shows each by birth date ("19121212-****"), as the lists show answers.
 */
function withoutPersonnummer(text: string): string {
  return text.replace(/(?<!\d)(\d{6}|\d{8})[-+ ]?(\d{4})(?!\d)/g, (found, birth: string) => (containsPersonnummer(found) ? `${birth}-****` : found));
}

/** The task record's part for one item: its label, place and the list's length, and the name the inbox shows. */
export function itemOfTask(name: string, loop: LoopItem): { name: string; item: NonNullable<TaskRecord['item']> } {
  const label = itemLabel(loop.item, loop.index);
  return { name: `${name}: ${label} (${loop.index + 1} av ${loop.count})`, item: { label, index: loop.index, count: loop.count } };
}

/**
 * The variables to set when one item's task is completed: the answers list under the task's id, a copy of `current`
 * (the list the step started with, one place per item, null until answered) with this item's values and the item.
 * The form values are not set as variables of their own: each item would overwrite the one before.
 */
export function answersWith(elementId: string, current: unknown, loop: LoopItem, elementVariable: string, values: Record<string, unknown>): Record<string, unknown> {
  const answers = Array.isArray(current) && current.length === loop.count ? [...current] : Array.from({ length: loop.count }, () => null);
  answers[loop.index] = { ...values, [elementVariable]: loop.item };
  return { [elementId]: answers };
}

function labelText(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
