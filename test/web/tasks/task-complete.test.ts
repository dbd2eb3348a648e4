// HTTP tests of POST /api/tasks/:id/complete: valid values, field errors, completing twice, roles and body format.
import { afterEach, describe, expect, test } from 'vitest';
import { startBeslut, startTestApp, type TestApp } from '../test-app.js';

let t: TestApp;

afterEach(async () => {
  await t?.close();
});

describe('POST /api/tasks/:id/complete', () => {
  test('when valid values are sent, then 200 and the instance completes', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startBeslut(t);

    // when
    const response = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables: { svar: 'ja' } } });

    // then
    expect(response.statusCode).toBe(200);
    const instance = await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}` });
    expect(instance.json()).toMatchObject({ state: 'completed', variables: { svar: 'ja' } });
  });

  test('when the values break the form, then 400 with fields and the task stays open', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startBeslut(t);

    // when
    const response = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables: { svar: 'kanske' } } });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', fields: [{ field: 'svar', message: expect.any(String) }] });
    const open = await t.call('enhetschef', { method: 'GET', url: '/api/tasks' });
    expect(open.json().map((task: { id: string }) => task.id)).toEqual([taskId]);
  });

  test('when the task is completed a second time, then 409 task_closed and no second transition', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startBeslut(t);
    await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables: { svar: 'ja' } } });
    const historyBefore = (await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}/history` })).json();

    // when
    const response = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables: { svar: 'nej' } } });

    // then
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: 'task_closed', message: expect.any(String) });
    const historyAfter = (await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}/history` })).json();
    expect(historyAfter).toEqual(historyBefore);
  });

  test('when two completions race, then exactly one succeeds and the other gets 409', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startBeslut(t);
    const complete = (svar: string) =>
      t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables: { svar } } });

    // when
    const responses = await Promise.all([complete('ja'), complete('nej')]);

    // then
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  test('when the user is not in a candidate group, then 403 and the task stays open', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startBeslut(t);

    // when
    const response = await t.call('arbetsterapeut', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables: { svar: 'ja' } } });

    // then
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('forbidden');
  });

  test('when the body is not JSON, then 415 and nothing changes', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startBeslut(t);

    // when
    const response = await t.call('enhetschef', {
      method: 'POST',
      url: `/api/tasks/${taskId}/complete`,
      headers: { 'content-type': 'text/plain' },
      payload: 'svar=ja',
    });

    // then
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBe('unsupported_media_type');
  });

  test('when the JSON is malformed, then 400 bad_request', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startBeslut(t);

    // when
    const response = await t.call('enhetschef', {
      method: 'POST',
      url: `/api/tasks/${taskId}/complete`,
      headers: { 'content-type': 'application/json' },
      payload: '{"variables": {',
    });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('bad_request');
  });
});
