// HTTP tests of POST /api/processes: who may deploy, versions, refused diagrams, size cap and content type.
import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, uploadableBpmn, type TestApp } from '../test-app.js';

let t: TestApp;

afterEach(async () => {
  await t?.close();
});

const xml = { 'content-type': 'application/xml' };

describe('POST /api/processes', () => {
  test.each(['processagare', 'admin'])('when %s uploads a new diagram, then 201 with key and version 1', async (user) => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call(user, { method: 'POST', url: '/api/processes', headers: xml, payload: uploadableBpmn('ny-process') });

    // then
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ key: 'ny-process', version: 1, warnings: [] });
  });

  test('when changed content comes with the same key as text/xml with a charset, then it becomes version 2', async () => {
    // given
    t = await startTestApp();
    await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: uploadableBpmn('ny-process') });

    // when
    const response = await t.call('processagare', {
      method: 'POST',
      url: '/api/processes',
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      payload: uploadableBpmn('ny-process', 'Granska igen'),
    });

    // then
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ key: 'ny-process', version: 2, warnings: [] });
    const detail = await t.call('processagare', { method: 'GET', url: '/api/processes/ny-process' });
    expect(detail.json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  test.each(['enhetschef', 'revisor', 'lss-handlaggare'])('when %s uploads, then 403 and nothing is deployed', async (user) => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call(user, { method: 'POST', url: '/api/processes', headers: xml, payload: uploadableBpmn('ny-process') });

    // then
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('forbidden');
    expect((await t.call('admin', { method: 'GET', url: '/api/processes/ny-process' })).statusCode).toBe(404);
  });

  test('when the diagram has a script task, then 400 with what is wrong and the previous version stays', async () => {
    // given
    t = await startTestApp();
    const withScript = uploadableBpmn('web-beslut').replace(
      '<bpmn:userTask id="granska" name="Granska" camunda:candidateGroups="arbetsterapeut" />',
      '<bpmn:scriptTask id="granska" name="Granska" scriptFormat="javascript"><bpmn:script>next()</bpmn:script></bpmn:scriptTask>',
    );

    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: withScript });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_definition', message: expect.any(String) });
    expect(response.json().fields).toContainEqual({ field: 'granska', message: expect.any(String) });
    const detail = await t.call('processagare', { method: 'GET', url: '/api/processes/web-beslut' });
    expect(detail.json()).toMatchObject({ name: 'Beslut att besvara', version: 1 });
  });

  test("when a task has no flow into it, then bpmnlint's rule refuses it with 400 naming the task, as in the editor", async () => {
    // given: the flow that led into "Granska" now ends the process directly
    t = await startTestApp();
    const unreachable = uploadableBpmn('ny-process').replace('sourceRef="start" targetRef="granska"', 'sourceRef="start" targetRef="klar"');

    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: unreachable });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toContainEqual({ field: 'granska', message: 'Elementet har inget inkommande flöde; börja med en starthändelse. (no-implicit-start)' });
    expect((await t.call('processagare', { method: 'GET', url: '/api/processes/ny-process' })).statusCode).toBe(404);
  });

  test('when the body is not BPMN, then 400 invalid_definition', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: '<inte>bpmn</inte>' });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('invalid_definition');
  });

  test('when the upload is larger than BPMN_MAX_BYTES, then 413 payload_too_large', async () => {
    // given
    t = await startTestApp({ env: { BPMN_MAX_BYTES: '2048' } });
    const oversized = uploadableBpmn('stor-process').replace('<bpmn:process', `<!-- ${'x'.repeat(3000)} -->\n  <bpmn:process`);

    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: xml, payload: oversized });

    // then
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: 'payload_too_large', message: expect.any(String) });
  });

  test('when the diagram is sent as JSON, then 415 and nothing is deployed', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('processagare', { method: 'POST', url: '/api/processes', payload: { xml: uploadableBpmn('ny') } });

    // then
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBe('unsupported_media_type');
  });

  test('when the diagram is sent as text/plain, then 415', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('processagare', {
      method: 'POST',
      url: '/api/processes',
      headers: { 'content-type': 'text/plain' },
      payload: uploadableBpmn('ny'),
    });

    // then
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBe('unsupported_media_type');
  });
});
