// HTTP tests of listing and reading instances, their history, and delivering BPMN messages.
import { afterEach, describe, expect, test } from 'vitest';
import { startBeslut, startTestApp, type TestApp } from '../test-app.js';

let t: TestApp;

afterEach(async () => {
  await t?.close();
});

describe('GET /api/instances', () => {
  test('when filtered by business key and state, then only matching instances are listed in the API shape', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t, 'B-1');
    await startBeslut(t, 'B-2');

    // when
    const response = await t.call('revisor', { method: 'GET', url: '/api/instances?businessKey=B-1&state=running&processKey=web-beslut' });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { id: instanceId, processKey: 'web-beslut', version: 1, businessKey: 'B-1', state: 'running', startedAt: expect.any(String), endedAt: null },
    ]);
  });

  test('when the state filter is not a state, then 400 naming the state field', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('revisor', { method: 'GET', url: '/api/instances?state=pausad' });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'bad_request', fields: [{ field: 'state', message: expect.any(String) }] });
  });
});

describe('GET /api/instances/:id', () => {
  test('when the instance exists, then its variables and active elements are answered', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);

    // when
    const response = await t.call('enhetschef', { method: 'GET', url: `/api/instances/${instanceId}` });

    // then
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(
      ['active', 'businessKey', 'endedAt', 'id', 'processKey', 'startedAt', 'state', 'variables', 'version'].sort(),
    );
    expect(body).toMatchObject({ id: instanceId, state: 'running', variables: { beslutsdatum: '2027-01-31' } });
    expect(body.active).toContainEqual({ elementId: 'lamnaSvar', name: 'Lämna svar' });
  });

  test('when the instance is unknown, then 404 not_found', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('enhetschef', { method: 'GET', url: '/api/instances/00000000-0000-0000-0000-000000000000' });

    // then
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not_found', message: expect.any(String) });
  });
});

describe('GET /api/instances/:id/history', () => {
  test('when an instance was started, then its steps are answered oldest first with who did them', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);

    // when
    const response = await t.call('revisor', { method: 'GET', url: `/api/instances/${instanceId}/history` });

    // then
    expect(response.statusCode).toBe(200);
    const history = response.json();
    expect(history[0]).toMatchObject({ seq: 1, type: 'instance.started', actor: 'lss-handlaggare' });
    expect(Object.keys(history[0]).sort()).toEqual(['actor', 'at', 'data', 'elementId', 'elementName', 'seq', 'type']);
    const seqs = history.map((entry: { seq: number }) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });
});

describe('POST /api/instances/:id/messages/:name', () => {
  test.each(['lss-handlaggare', 'enhetschef', 'admin'])('when %s delivers a modelled message, then 202 and the instance moves on', async (user) => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);

    // when
    const response = await t.call(user, { method: 'POST', url: `/api/instances/${instanceId}/messages/avliden`, payload: {} });

    // then
    expect(response.statusCode).toBe(202);
    const instance = await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}` });
    expect(instance.json()).toMatchObject({ state: 'completed', active: [] });
  });

  test('when the message comes without a body, then it is delivered with no variables', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);

    // when
    const response = await t.call('lss-handlaggare', { method: 'POST', url: `/api/instances/${instanceId}/messages/avliden` });

    // then
    expect(response.statusCode).toBe(202);
  });

  test.each(['arbetsterapeut', 'revisor', 'processagare'])('when %s delivers a message, then 403 and nothing changes', async (user) => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);

    // when
    const response = await t.call(user, { method: 'POST', url: `/api/instances/${instanceId}/messages/avliden`, payload: {} });

    // then
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('forbidden');
    expect((await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}` })).json().state).toBe('running');
  });

  test('when the process knows no such message, then 404', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);

    // when
    const response = await t.call('lss-handlaggare', { method: 'POST', url: `/api/instances/${instanceId}/messages/flyttat`, payload: {} });

    // then
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('not_found');
  });

  test('when the variables are not an object, then 400 naming variables', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);

    // when
    const response = await t.call('lss-handlaggare', {
      method: 'POST',
      url: `/api/instances/${instanceId}/messages/avliden`,
      payload: { variables: 'död' },
    });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ field: 'variables', message: expect.any(String) }]);
  });
});
