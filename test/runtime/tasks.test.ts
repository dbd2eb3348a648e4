import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { fieldMessages } from '../../src/forms/index.js';
import { actors, fixturesDir, startHarness, type Harness } from '../helpers/runtime-harness.js';

async function startOne(h: Harness) {
  const { id } = await h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'A' } }, actors.handlaggare);
  const [task] = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
  return { id, task: task! };
}

describe.each([100, 0])('user tasks (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when a task waits, then its groups, due date from the task start and form are listed for its role only', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'] });
    // when
    const { id, task } = await startOne(h);
    // then
    expect(task).toMatchObject({
      instanceId: id,
      processKey: 'beslut-svar',
      elementId: 'lamnaSvar',
      name: 'Lämna svar på erbjudandet',
      candidateGroups: ['enhetschef'],
      assignee: null,
      createdAt: '2027-01-15T08:00:00.000Z',
      due: '2027-01-29T08:00:00.000Z',
      form: [expect.objectContaining({ id: 'svar', type: 'enum', required: true, values: [{ id: 'ja', name: 'Ja' }, { id: 'nej', name: 'Nej' }] }), expect.objectContaining({ id: 'kommentar', type: 'text' })],
    });
    expect(h.runtime.listTasks({}, actors.handlaggare)).toEqual([]);
    expect(h.runtime.listTasks({}, actors.revisor)).toHaveLength(1);
    expect(h.runtime.listTasks({ group: 'enhetschef' }, actors.admin)).toHaveLength(1);
  });

  test('when a static assignee is set, then the task is assigned to that user', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/vantetid.bpmn'] });
    await h.runtime.startInstance('vantetid', { variables: {} }, actors.admin);
    // when
    await h.runtime.moveClock({ advance: 'P3M' });
    // then
    expect(h.runtime.listTasks({ assignee: 'enhetschef' }, actors.enhetschef)).toEqual([expect.objectContaining({ elementId: 'folja', assignee: 'enhetschef' })]);
  });

  test('when a colleague has claimed the task, then claiming or completing it is a conflict', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'] });
    const { task } = await startOne(h);
    await h.runtime.claimTask(task.id, actors.enhetschef);
    // when / then
    await expect(h.runtime.claimTask(task.id, actors.enhetschef2)).rejects.toMatchObject({ code: 'task_claimed' });
    await expect(h.runtime.completeTask(task.id, { svar: 'ja' }, actors.enhetschef2)).rejects.toMatchObject({ code: 'task_claimed' });
    await h.runtime.claimTask(task.id, actors.enhetschef);
    expect(h.runtime.listTasks({}, actors.enhetschef)[0]).toMatchObject({ assignee: 'enhetschef' });
  });

  test('when a due-date expression yields no date, then the task opens without a due date', async () => {
    // given
    const xml = (await readFile(path.join(fixturesDir, 'engine', 'beslut-svar.bpmn'), 'utf8')).replace('camunda:dueDate="P14D"', 'camunda:dueDate="=brukare"');
    h = await startHarness({ engineCacheSize, processes: [['beslut-svar.bpmn', xml]] });
    // when
    const { task } = await startOne(h);
    // then
    expect(task).toMatchObject({ elementId: 'lamnaSvar', due: null });
  });

  test('when someone outside the groups completes a task a colleague has claimed, then it is forbidden, not a conflict', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'] });
    const { task } = await startOne(h);
    await h.runtime.claimTask(task.id, actors.enhetschef);
    // when / then
    await expect(h.runtime.completeTask(task.id, { svar: 'ja' }, actors.handlaggare)).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('when a role outside the candidate groups acts on a task, then it is forbidden', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'] });
    const { task } = await startOne(h);
    // when / then
    await expect(h.runtime.claimTask(task.id, actors.handlaggare)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.runtime.completeTask(task.id, { svar: 'ja' }, actors.revisor)).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('when the values are invalid, then every field has a Swedish message and nothing changes', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'] });
    const { id, task } = await startOne(h);
    const before = await h.runtime.getHistory(id);
    // when
    const attempt = h.runtime.completeTask(task.id, { svar: 'kanske', kommentar: 'x'.repeat(201) }, actors.enhetschef);
    // then
    await expect(attempt).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [
        { field: 'svar', message: fieldMessages.enum },
        { field: 'kommentar', message: fieldMessages.maxlength(200) },
      ],
    });
    expect(await h.runtime.getHistory(id)).toEqual(before);
    expect(h.runtime.listTasks({ instanceId: id }, actors.enhetschef)).toEqual([task]);
  });

  test('when a task is completed twice, then the second is a conflict and there is one transition', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'] });
    const { id, task } = await startOne(h);
    // when
    const results = await Promise.allSettled([
      h.runtime.completeTask(task.id, { svar: 'ja' }, actors.enhetschef),
      h.runtime.completeTask(task.id, { svar: 'nej' }, actors.enhetschef),
    ]);
    const again = h.runtime.completeTask(task.id, { svar: 'ja' }, actors.enhetschef);
    // then
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'task_closed' } });
    await expect(again).rejects.toMatchObject({ code: 'task_closed' });
    const completions = (await h.runtime.getHistory(id)).filter((e) => e.type === 'task.completed');
    expect(completions).toHaveLength(1);
  });

  test('when the server restarts, then waiting tasks and claims are still there and can be completed', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'] });
    const { id, task } = await startOne(h);
    await h.runtime.claimTask(task.id, actors.enhetschef);
    // when
    await h.restart();
    await h.runtime.completeTask(task.id, { svar: 'ja' }, actors.enhetschef);
    // then
    expect(h.runtime.getInstance(id).active).toEqual([{ elementId: 'inflyttning', name: 'Dokumentera inflyttning' }]);
  });
});
