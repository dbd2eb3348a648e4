// withTaskHolders: who held one of a case's tasks, grown with each stored step and never shrunk by one.
import { describe, expect, test } from 'vitest';
import { withTaskHolders } from '../../src/engine/execution/task-holders.js';
import type { HistoryEntry, InstanceSummary, TaskRecord } from '../../src/engine/records/index.js';

const task = (assignee: string | null): TaskRecord => ({
  id: 'c1.t1', instanceId: 'c1', processKey: 'p', elementId: 't', executionId: 't1', name: 'T', candidateGroups: ['enhetschef'], assignee, createdAt: '2027-01-15T08:00:00Z', due: null, form: [],
});
const summary = (tasks: TaskRecord[], taskHolders?: string[]): InstanceSummary => ({
  id: 'c1', processKey: 'p', version: 1, businessKey: null, state: 'running', startedAt: '2027-01-15T08:00:00Z', endedAt: null, rev: 1, variables: {}, active: [], tasks, timers: [], bevakningar: [], caseEvents: [], ...(taskHolders ? { taskHolders } : {}),
});
const entry = (type: string, actor: string): HistoryEntry => ({ seq: 1, at: '2027-01-15T08:00:00Z', type, elementId: 't', elementName: 'T', actor, data: null });

describe('withTaskHolders', () => {
  test('when a task is reassigned, then both the former and the new assignee are holders, each once', () => {
    // given
    const previous = summary([task('anna')], ['anna']);
    // when
    const next = withTaskHolders(previous, summary([task('bo')], ['anna']), [entry('task.assigned', 'enhetschef')]);
    // then
    expect(next.taskHolders).toEqual(['anna', 'bo']);
  });

  test('when a case stored before holders were kept completes a held task, then the holder is learnt from the task it had', () => {
    // given
    const previous = summary([task('anna')]);
    // when
    const next = withTaskHolders(previous, summary([]), []);
    // then
    expect(next.taskHolders).toEqual(['anna']);
  });

  test('when someone completes an unclaimed task, then they are a holder; the system is not', () => {
    // when
    const next = withTaskHolders(summary([task(null)]), summary([]), [entry('task.completed', 'cecilia'), entry('task.completed', 'system'), entry('bevakning.read', 'david')]);
    // then
    expect(next.taskHolders).toEqual(['cecilia']);
  });

  test('when nothing new was held (a culled stub, an unassigned start), then the summary is returned as it is', () => {
    // given
    const stub = summary([], ['anna']);
    // when / then
    expect(withTaskHolders(summary([], ['anna']), stub, [entry('case.culled', 'admin')])).toBe(stub);
    const started = summary([task(null)]);
    expect(withTaskHolders(null, started, [])).toBe(started);
    expect(started.taskHolders).toBeUndefined();
  });
});
