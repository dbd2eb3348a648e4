// HTTP tests of listing and claiming user tasks through the JSON API.
import { afterEach, describe, expect, test } from 'vitest';
import { startBeslut, startTestApp, type TestApp } from '../test-app.js';

let t: TestApp;

afterEach(async () => {
  await t?.close();
});

describe('GET /api/tasks', () => {
  test('when a candidate group member asks, then the open task is listed with its form', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startBeslut(t);

    // when
    const response = await t.call('enhetschef', { method: 'GET', url: '/api/tasks' });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      {
        id: taskId,
        instanceId,
        processKey: 'web-beslut',
        businessKey: 'B-1',
        brukare: null,
        elementId: 'lamnaSvar',
        name: 'Lämna svar',
        candidateGroups: ['enhetschef'],
        assignee: null,
        createdAt: expect.any(String),
        due: null,
        followUp: null,
        form: [
          {
            id: 'svar',
            label: 'Svar',
            type: 'enum',
            required: true,
            values: [
              { id: 'ja', name: 'Ja' },
              { id: 'nej', name: 'Nej' },
            ],
          },
        ],
      },
    ]);
  });

  test('when someone outside the candidate groups asks, then the task is not shown', async () => {
    // given
    t = await startTestApp();
    await startBeslut(t);

    // when
    const response = await t.call('arbetsterapeut', { method: 'GET', url: '/api/tasks' });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
  });
});

describe('POST /api/tasks/:id/claim', () => {
  test('when a candidate group member claims, then 200 and the task is assigned to them', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startBeslut(t);

    // when
    const response = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/claim` });

    // then
    expect(response.statusCode).toBe(200);
    const tasks = await t.call('enhetschef', { method: 'GET', url: '/api/tasks?assignee=enhetschef' });
    expect(tasks.json().map((task: { id: string }) => task.id)).toEqual([taskId]);
  });

  test('when someone else has claimed it, then 409 task_claimed', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startBeslut(t);
    await t.call('admin', { method: 'POST', url: `/api/tasks/${taskId}/claim` });

    // when
    const response = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/claim` });

    // then
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: 'task_claimed', message: expect.any(String) });
  });

  test('when the user is not in a candidate group, then 403', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startBeslut(t);

    // when
    const response = await t.call('arbetsterapeut', { method: 'POST', url: `/api/tasks/${taskId}/claim` });

    // then
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('forbidden');
  });
});
