// `camunda:assignee="=ansvarig"` gives a task to whoever a form's field names. That field must be a `user` field (of
// a role), whose value is always a real user picked from a list; a text field would give the task to whatever was
// typed, and a misspelt name to a user nobody can see or free.
import type { DefinitionProblem } from '../../errors.js';
import type { FormField } from '../../forms/index.js';
import type { ProcessModel } from './process-model.js';

const fieldReference = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/** Problems for every user task whose assignee is a form field that is not a `user` field. */
export function checkAssigneeFields(model: ProcessModel, file: string): DefinitionProblem[] {
  const fields = new Map<string, FormField>();
  for (const form of [model.startForm, ...[...model.userTasks.values()].map((t) => t.form)]) {
    for (const field of form) if (!fields.has(field.id) || field.type === 'user') fields.set(field.id, field);
  }
  const problems: DefinitionProblem[] = [];
  for (const [elementId, task] of model.userTasks) {
    const name = task.assignee ? fieldReference.exec(task.assignee)?.[1] : undefined;
    const field = name === undefined ? undefined : fields.get(name);
    if (field && field.type !== 'user') {
      problems.push({
        file,
        elementId,
        message: `camunda:assignee tar uppgiftens handläggare från fältet "${field.id}", som är av typen ${field.type}. Gör fältet till typen user med egenskapen role, så att bara en befintlig användare kan väljas.`,
      });
    }
  }
  return problems;
}
