// Tests of the central error handler on a bare Fastify app: app errors, Fastify's own 4xx, bugs and 404.
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, test } from 'vitest';
import { AppError, DefinitionError } from '../../../src/errors.js';
import { fieldMessages } from '../../../src/forms/index.js';
import { errorHandlerPlugin } from '../../../src/web/plugins/error-handler.js';

let app: FastifyInstance;

afterEach(async () => {
  await app?.close();
});

/** A bare app with the error handler, routes that throw, a JSON echo with a small body limit, and a log sink. */
async function appWithRoutes(): Promise<{ app: FastifyInstance; logLines: string[] }> {
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const instance = Fastify({ logger: { level: 'info', stream: sink }, bodyLimit: 100 });
  instance.removeContentTypeParser('text/plain');
  await instance.register(errorHandlerPlugin);
  instance.get('/app-error', async () => {
    throw new AppError('validation_failed', undefined, [{ field: 'beslutsdatum', message: fieldMessages.date }]);
  });
  instance.get('/task-closed', async () => {
    throw new AppError('task_closed');
  });
  instance.get('/definition-error', async () => {
    throw new DefinitionError([{ file: 'upload.bpmn', elementId: 'kontrollera', message: 'Skriptuppgifter är inte tillåtna.' }]);
  });
  instance.get('/bug', async () => {
    throw new TypeError('Cannot read properties of undefined (reading personnummer) at /srv/app/secret.ts:12');
  });
  instance.post('/echo', async (request) => ({ received: request.body }));
  await instance.ready();
  return { app: instance, logLines };
}

describe('errorHandlerPlugin', () => {
  test('when a route throws an AppError with fields, then its status, code, message and fields are answered', async () => {
    // given
    ({ app } = await appWithRoutes());

    // when
    const response = await app.inject({ method: 'GET', url: '/app-error' });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'validation_failed',
      message: 'Uppgifterna är inte giltiga. Rätta de markerade fälten.',
      fields: [{ field: 'beslutsdatum', message: fieldMessages.date }],
    });
  });

  test('when a route throws an AppError without fields, then the body has no fields key', async () => {
    // given
    ({ app } = await appWithRoutes());

    // when
    const response = await app.inject({ method: 'GET', url: '/task-closed' });

    // then
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: 'task_closed', message: 'Uppgiften är redan slutförd eller finns inte längre.' });
  });

  test('when a diagram is refused, then 400 invalid_definition lists each problem by element', async () => {
    // given
    ({ app } = await appWithRoutes());

    // when
    const response = await app.inject({ method: 'GET', url: '/definition-error' });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'invalid_definition',
      fields: [{ field: 'kontrollera', message: 'Skriptuppgifter är inte tillåtna.' }],
    });
  });

  test('when a route has a bug, then 500 with the generic message, nothing internal, and the error is logged', async () => {
    // given
    let logLines: string[];
    ({ app, logLines } = await appWithRoutes());

    // when
    const response = await app.inject({ method: 'GET', url: '/bug' });

    // then
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: 'internal',
      message: 'Ett oväntat fel inträffade. Försök igen eller kontakta förvaltningen.',
    });
    expect(response.body).not.toContain('secret.ts');
    expect(logLines.some((line) => line.includes('"level":50') && line.includes('TypeError'))).toBe(true);
  });

  test('when the JSON body is malformed, then 400 bad_request in Swedish', async () => {
    // given
    ({ app } = await appWithRoutes());

    // when
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"variables": ',
    });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'bad_request', message: 'Innehållet är inte giltig JSON.' });
  });

  test('when the JSON body tries prototype pollution, then 400 and nothing is echoed', async () => {
    // given
    ({ app } = await appWithRoutes());

    // when
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__": {"admin": true}}',
    });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('bad_request');
  });

  test('when the body is larger than the limit, then 413 payload_too_large', async () => {
    // given
    ({ app } = await appWithRoutes());

    // when
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(200) }),
    });

    // then
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: 'payload_too_large', message: expect.any(String) });
  });

  test('when the content type has no parser, then 415 unsupported_media_type', async () => {
    // given
    ({ app } = await appWithRoutes());

    // when
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'text/plain' },
      payload: 'hej',
    });

    // then
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({ error: 'unsupported_media_type', message: expect.any(String) });
  });

  test('when no route matches, then 404 not_found', async () => {
    // given
    ({ app } = await appWithRoutes());

    // when
    const response = await app.inject({ method: 'GET', url: '/finns-inte' });

    // then
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not_found', message: 'Det du söker finns inte.' });
  });
});
