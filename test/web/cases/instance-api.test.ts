// HTTP tests of listing and reading instances, their history, and delivering BPMN messages.
import { afterEach, describe, expect, test } from 'vitest';
import { fieldMessages, limitMessages } from '../../../src/forms/index.js';
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
      ['active', 'businessKey', 'calledBy', 'children', 'endedAt', 'id', 'incidents', 'processKey', 'startedAt', 'state', 'variables', 'version', 'waitingFor'].sort(),
    );
    expect(body).toMatchObject({ id: instanceId, state: 'running', variables: { beslutsdatum: '2027-01-31' }, incidents: [] });
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

  test.each([
    ['arbetsterapeut', 404, 'not_found'],
    ['processagare', 404, 'not_found'],
    ['revisor', 403, 'forbidden'],
  ])('when %s delivers a message, then %i (no part in the case, or reading only) and nothing changes', async (user, status, error) => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);

    // when
    const response = await t.call(user, { method: 'POST', url: `/api/instances/${instanceId}/messages/avliden`, payload: {} });

    // then
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toBe(error);
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

describe('POST /api/instances/:id/messages/:name with variables', () => {
  /** The case as the API answers it, and its history: what must not change when a message is refused. */
  const caseOf = async (instanceId: string) => ({
    instance: (await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}` })).json(),
    history: (await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}/history` })).json(),
  });
  const send = (instanceId: string, variables: unknown) =>
    t.call('lss-handlaggare', { method: 'POST', url: `/api/instances/${instanceId}/messages/avliden`, payload: { variables } });

  test('when a variable the message does not declare is sent, then 400 validation_failed names it and the case is unchanged', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);
    const before = await caseOf(instanceId);
    // when
    const response = await send(instanceId, { anteckning: 'Avled i går.', svar: 'ja' });
    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', fields: [{ field: 'svar', message: fieldMessages.unknown }] });
    expect(await caseOf(instanceId)).toEqual(before);
  });

  test('when a field of the start form is sent, then 400 says the decision cannot change and beslutsdatum stays', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);
    const before = await caseOf(instanceId);
    // when
    const asNumber = await send(instanceId, { beslutsdatum: 20260601 });
    const asDate = await send(instanceId, { beslutsdatum: '2026-06-01', antal: 3 });
    // then
    expect(asNumber.statusCode).toBe(400);
    expect(asNumber.json().fields).toEqual([{ field: 'beslutsdatum', message: fieldMessages.decision }]);
    expect(asDate.json().fields).toEqual([
      { field: 'beslutsdatum', message: fieldMessages.decision },
      { field: 'antal', message: fieldMessages.decision },
    ]);
    expect(await caseOf(instanceId)).toEqual(before);
    expect(before.instance.variables.beslutsdatum).toBe('2027-01-31');
  });

  test('when a declared date is a day that does not exist, then 400 with the date message and the case is unchanged', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);
    const before = await caseOf(instanceId);
    // when
    const response = await send(instanceId, { avlidenDatum: '2026-02-30' });
    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', fields: [{ field: 'avlidenDatum', message: fieldMessages.date }] });
    expect(await caseOf(instanceId)).toEqual(before);
  });

  test('when the variables nest 2000 deep or are too long, then 400 with a Swedish message and the case is unchanged', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);
    const before = await caseOf(instanceId);
    let deep: unknown = 'botten';
    for (let i = 0; i < 2000; i++) deep = { n: deep };
    // when
    const tooDeep = await send(instanceId, { anteckning: deep });
    const tooLong = await send(instanceId, { anteckning: 'a'.repeat(30_000) });
    // then
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json()).toEqual({ error: 'validation_failed', message: limitMessages.depth, fields: [{ field: 'variables', message: limitMessages.depth }] });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields).toEqual([{ field: 'variables', message: limitMessages.size }]);
    expect(await caseOf(instanceId)).toEqual(before);
  });

  test('when declared variables are sent, then 202 and they are on the case and in its history', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);
    // when
    const response = await send(instanceId, { anteckning: ' Avled i går. ', avlidenDatum: '2027-01-14' });
    // then
    expect(response.statusCode).toBe(202);
    const { instance, history } = await caseOf(instanceId);
    expect(instance).toMatchObject({ state: 'completed', variables: { beslutsdatum: '2027-01-31', anteckning: 'Avled i går.', avlidenDatum: '2027-01-14' } });
    expect(history).toContainEqual(expect.objectContaining({ type: 'message.received', data: { message: 'avliden', name: 'avliden', variables: { anteckning: 'Avled i går.', avlidenDatum: '2027-01-14' } } }));
  });
});
