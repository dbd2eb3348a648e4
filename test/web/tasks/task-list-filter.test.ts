// The order of a task list: overdue first whatever the order asked for, then by due day, follow-up day, creation or case.
import { describe, expect, test } from 'vitest';
import type { TaskView } from '../../../src/runtime/index.js';
import { filterAndSort } from '../../../src/web/tasks/task-list-filter.js';

const task = (id: string, over: Partial<TaskView & { overdue: boolean }>): TaskView & { overdue: boolean } => ({
  id, instanceId: `i-${id}`, processKey: 'lss-boende', businessKey: null, brukare: null, elementId: 'e', name: id, candidateGroups: ['enhetschef'],
  assignee: null, createdAt: '2027-01-01T08:00:00.000Z', due: null, followUp: null, unit: null, documentation: null, form: [], overdue: false, ...over,
});

describe('filterAndSort', () => {
  const tasks = [
    task('a', { due: '2027-02-10T08:00:00.000Z', followUp: '2027-01-20', businessKey: 'C' }),
    task('b', { due: '2027-01-10T08:00:00.000Z', overdue: true, businessKey: 'B', processKey: 'sol-sarskilt-boende' }),
    task('c', { due: null, followUp: '2027-01-18', businessKey: 'A', createdAt: '2026-12-01T08:00:00.000Z' }),
  ];

  test('when sorted by follow-up day, then the overdue one still comes first and tasks without a day last', () => {
    expect(filterAndSort(tasks, { sortera: 'uppfoljning' }).map((t) => t.id)).toEqual(['b', 'c', 'a']);
  });

  test('when sorted by due day (the default), by case or by creation, then each keeps overdue work first', () => {
    expect(filterAndSort(tasks, {}).map((t) => t.id)).toEqual(['b', 'a', 'c']);
    expect(filterAndSort(tasks, { sortera: 'arende' }).map((t) => t.id)).toEqual(['b', 'c', 'a']);
    expect(filterAndSort(tasks, { sortera: 'skapad' }).map((t) => t.id)).toEqual(['b', 'c', 'a']);
  });

  test('when only overdue or one process is asked for, then the others are left out', () => {
    expect(filterAndSort(tasks, { forsenade: '1' }).map((t) => t.id)).toEqual(['b']);
    expect(filterAndSort(tasks, { process: 'lss-boende' }).map((t) => t.id)).toEqual(['a', 'c']);
  });
});
