// Drafts, unclaiming and reading one task: values kept for later, a claim given back, and who may do either.
import { afterEach, describe, expect, test } from 'vitest';
import { fieldMessages } from '../../src/forms/index.js';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';

async function startOne(h: Harness) {
  const { id } = await h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'A' } }, actors.handlaggare);
  const [task] = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
  return { id, task: task! };
}

describe('task drafts and unclaiming', () => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when a draft is saved, then the task stays open with the values and the history records the save without them', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    const { id, task } = await startOne(h);
    // when
    await h.runtime.saveTaskDraft(task.id, { svar: 'nej', kommentar: 'Ringer brukaren först' }, actors.enhetschef);
    // then
    expect(h.runtime.getTask(task.id, actors.enhetschef)).toMatchObject({ assignee: null, draft: { svar: 'nej', kommentar: 'Ringer brukaren först' } });
    const saved = (await h.runtime.getHistory(id)).filter((e) => e.type === 'task.draft-saved');
    expect(saved).toEqual([expect.objectContaining({ actor: 'enhetschef', elementId: 'lamnaSvar', data: null })]);
    expect(JSON.stringify(await h.runtime.getHistory(id))).not.toContain('Ringer brukaren');
  });

  test('when a timer moves the case on and the server restarts, then the draft is still there', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    const { task } = await startOne(h);
    await h.runtime.saveTaskDraft(task.id, { kommentar: 'Halvfärdigt' }, actors.enhetschef);
    // when
    await h.runtime.moveClock({ advance: 'P3M' });
    const restarted = await h.restart();
    // then
    expect(restarted.listInbox(actors.admin)).not.toHaveLength(0);
    expect(restarted.getTask(task.id, actors.enhetschef).draft).toEqual({ kommentar: 'Halvfärdigt' });
  });

  test('when a draft names a field the form does not have or holds an object, then it is refused per field and nothing is kept', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    const { task } = await startOne(h);
    // when
    const refused = h.runtime.saveTaskDraft(task.id, { brukare: 'B', kommentar: { text: 'x' } }, actors.enhetschef);
    // then
    await expect(refused).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [
        { field: 'brukare', message: fieldMessages.unknown },
        { field: 'kommentar', message: fieldMessages.text },
      ],
    });
    expect(h.runtime.getTask(task.id, actors.enhetschef).draft).toBeUndefined();
  });

  test('when someone outside the groups, the auditor or a colleague of the assignee saves a draft, then it is refused', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    const { task } = await startOne(h);
    // when / then
    await expect(h.runtime.saveTaskDraft(task.id, {}, actors.handlaggare)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.runtime.saveTaskDraft(task.id, {}, actors.revisor)).rejects.toMatchObject({ code: 'forbidden' });
    await h.runtime.claimTask(task.id, actors.enhetschef);
    await expect(h.runtime.saveTaskDraft(task.id, { svar: 'ja' }, actors.enhetschef2)).rejects.toMatchObject({ code: 'task_claimed' });
  });

  test('when the assignee gives the task back, then it is unassigned, the history says so, and a colleague may claim it', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    const { id, task } = await startOne(h);
    await h.runtime.claimTask(task.id, actors.enhetschef);
    // when
    await h.runtime.unclaimTask(task.id, actors.enhetschef);
    // then
    expect(h.runtime.getTask(task.id, actors.enhetschef).assignee).toBeNull();
    expect((await h.runtime.getHistory(id)).map((e) => e.type)).toEqual(expect.arrayContaining(['task.claimed', 'task.unclaimed']));
    await h.runtime.claimTask(task.id, actors.enhetschef2);
    expect(h.runtime.getTask(task.id, actors.enhetschef2).assignee).toBe('enhetschef2');
  });

  test('when a colleague or the auditor gives back a task someone else holds, then it is forbidden; an admin may', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    const { task } = await startOne(h);
    await h.runtime.claimTask(task.id, actors.enhetschef);
    // when / then
    await expect(h.runtime.unclaimTask(task.id, actors.enhetschef2)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.runtime.unclaimTask(task.id, actors.revisor)).rejects.toMatchObject({ code: 'forbidden' });
    expect(h.runtime.getTask(task.id, actors.admin).assignee).toBe('enhetschef');
    await h.runtime.unclaimTask(task.id, actors.admin);
    expect(h.runtime.getTask(task.id, actors.admin).assignee).toBeNull();
  });

  test('when one task is read, then its roles and the auditor see it, others are refused, and a completed one is closed', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    const { task } = await startOne(h);
    // when / then
    expect(h.runtime.getTask(task.id, actors.revisor)).toMatchObject({ id: task.id, name: 'Lämna svar på erbjudandet' });
    expect(() => h.runtime.getTask(task.id, actors.handlaggare)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    await h.runtime.completeTask(task.id, { svar: 'nej' }, actors.enhetschef);
    expect(() => h.runtime.getTask(task.id, actors.enhetschef)).toThrow(expect.objectContaining({ code: 'task_closed' }));
    await expect(h.runtime.unclaimTask(task.id, actors.enhetschef)).rejects.toMatchObject({ code: 'task_closed' });
    await expect(h.runtime.saveTaskDraft(task.id, {}, actors.enhetschef)).rejects.toMatchObject({ code: 'task_closed' });
  });
});
