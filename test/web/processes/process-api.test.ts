// HTTP tests of reading process definitions and starting instances through the JSON API.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { fixturesDir } from '../../helpers/runtime-harness.js';
import { startTestApp, type TestApp } from '../test-app.js';

let t: TestApp;

afterEach(async () => {
  await t?.close();
});

describe('GET /api/processes', () => {
  test('when any user asks, then each key is listed once with its newest version', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('revisor', { method: 'GET', url: '/api/processes' });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([{ key: 'web-beslut', name: 'Beslut att besvara', version: 1, deployedAt: expect.any(String) }]);
  });

  test('when nobody is signed in, then 401', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call(null, { method: 'GET', url: '/api/processes' });

    // then
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('unauthorized');
  });
});

describe('GET /api/processes/:key', () => {
  test('when the key exists, then its versions and start form are answered in the API shape', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('enhetschef', { method: 'GET', url: '/api/processes/web-beslut' });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      key: 'web-beslut',
      name: 'Beslut att besvara',
      version: 1,
      versions: [{ version: 1, deployedAt: expect.any(String), deployedBy: expect.any(String) }],
      startForm: [
        { id: 'beslutsdatum', label: 'Beslutsdatum', type: 'date', required: true },
        { id: 'antal', label: 'Antal rum', type: 'long', required: false },
      ],
    });
  });

  test('when the key is unknown, then 404 not_found', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('enhetschef', { method: 'GET', url: '/api/processes/finns-inte' });

    // then
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not_found', message: expect.any(String) });
  });
});

describe('GET /api/processes/:key/versions/:version/bpmn', () => {
  test('when a user asks for a deployed version, then its XML is answered byte for byte; an unknown version is 404', async () => {
    // given
    t = await startTestApp();
    const stored = await readFile(path.join(fixturesDir, 'web', 'web-beslut.bpmn'), 'utf8');
    // when
    const response = await t.call('revisor', { method: 'GET', url: '/api/processes/web-beslut/versions/1/bpmn' });
    const unknown = await t.call('revisor', { method: 'GET', url: '/api/processes/web-beslut/versions/9/bpmn' });
    // then
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(response.body).toBe(stored);
    expect(unknown.statusCode).toBe(404);
  });
});

describe('POST /api/processes/:key/instances', () => {
  test('when a starter group member sends valid variables, then 201 with the new id', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('lss-handlaggare', {
      method: 'POST',
      url: '/api/processes/web-beslut/instances',
      payload: { businessKey: 'B-7', variables: { beslutsdatum: '2027-01-31', antal: 2 } },
    });

    // then
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: expect.any(String) });
  });

  test('when the variables break the start form, then 400 validation_failed with a message per field', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('lss-handlaggare', {
      method: 'POST',
      url: '/api/processes/web-beslut/instances',
      payload: { variables: { antal: 0 } },
    });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', message: expect.any(String) });
    expect(response.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['antal', 'beslutsdatum']);
    expect((await t.call('admin', { method: 'GET', url: '/api/instances' })).json()).toEqual([]);
  });

  test('when the envelope has an unknown key or a wrong type, then 400 naming the field', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('lss-handlaggare', {
      method: 'POST',
      url: '/api/processes/web-beslut/instances',
      payload: { variables: [], owner: 'admin' },
    });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['owner', 'variables']);
  });

  test('when the user is not in a starter group, then 403', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('arbetsterapeut', {
      method: 'POST',
      url: '/api/processes/web-beslut/instances',
      payload: { variables: { beslutsdatum: '2027-01-31' } },
    });

    // then
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('forbidden');
  });

  test('when the process is unknown, then 404', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('admin', { method: 'POST', url: '/api/processes/okand/instances', payload: { variables: {} } });

    // then
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('not_found');
  });
});
