// A case's variables as people read them: each under the label of the form field that asked for it (the start form
// first, then the tasks in the diagram's order, then the messages' declared variables), a picked apartment, place in the queue or user by what it names; the
// variables no form asked for (set by the routine's steps) apart, by name.
import type { DefinitionRegistry, InstanceIndex } from '../engine/index.js';
import { AppError } from '../errors.js';
import { maskPersonnummer, type FormField } from '../forms/index.js';
import { housingReferenceName, type HousingState } from '../housing/index.js';
import type { UserLookup } from './task-assignment.js';
import { itemAnswerRows } from './item-answers.js';

export interface CaseAnswer {
  id: string;
  label: string;
  value: unknown;
  /** A reference by name (Lindgården 12, the applicant, the user), a personnummer masked; null for plain values. */
  named: string | null;
}

export interface CaseAnswers {
  answers: CaseAnswer[];
  /** Variables no form asked for, by their names. */
  other: { id: string; value: unknown }[];
}

export interface CaseAnswerDeps {
  index: InstanceIndex;
  registry: DefinitionRegistry;
  housing: { readonly state: HousingState };
  users: UserLookup;
}

export function createCaseAnswerService({ index, registry, housing, users }: CaseAnswerDeps) {
  const nameOf = (field: FormField, value: unknown): string | null => {
    if (typeof value !== 'string') return null;
    // Who the person is shows from the case; the full number is for the IVO report and the case system, not the pages.
    if (field.type === 'personnummer') return maskPersonnummer(value);
    if (field.type === 'apartment' || field.type === 'queueEntry' || field.type === 'unit') return housingReferenceName(housing.state, field.type, value);
    if (field.type === 'user' && field.filter?.role) return users.withRole(field.filter.role).find((u) => u.username === value)?.name ?? null;
    return null;
  };

  return {
    /** The case's variables under their form labels; not_found when there is no such case. */
    caseAnswers(instanceId: string): CaseAnswers {
      const summary = index.get(instanceId);
      if (!summary) throw new AppError('not_found', 'Ärendet finns inte.');
      const model = registry.get(summary.processKey, summary.version)?.model;
      const fields = new Map<string, FormField>();
      const forms = [model?.startForm ?? [], ...[...(model?.userTasks.values() ?? [])].map((t) => t.form), ...[...(model?.messages.values() ?? [])].map((m) => m.variables)];
      for (const form of forms) {
        for (const field of form) if (!fields.has(field.id)) fields.set(field.id, field);
      }
      const answers: CaseAnswer[] = [];
      const itemAnswers: CaseAnswer[] = [];
      const other: CaseAnswers['other'] = [];
      for (const [id, value] of Object.entries(summary.variables)) {
        const task = model?.userTasks.get(id);
        const rows = task?.loop ? itemAnswerRows(id, model?.elements.get(id)?.name ?? id, task.form, task.loop.elementVariable, value) : null;
        if (rows) {
          itemAnswers.push(...rows.map((row) => ({ id: row.id, label: row.label, value: row.value, named: nameOf(row.field, row.value) })));
          continue;
        }
        const field = fields.get(id);
        if (field) answers.push({ id, label: field.label, value, named: nameOf(field, value) });
        else other.push({ id, value });
      }
      const order = [...fields.keys()];
      answers.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
      // The items' answers of multi-instance tasks follow, item by item in list order.
      return { answers: [...answers, ...itemAnswers], other };
    },
  };
}
