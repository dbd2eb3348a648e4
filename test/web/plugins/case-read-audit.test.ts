import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, test } from 'vitest';
import { caseReadAuditPlugin } from '../../../src/web/plugins/case-read-audit.js';
import type { RuntimeApi } from '../../../src/runtime/index.js';

type Read = Parameters<RuntimeApi['recordCaseRead']>[0];

/** An app with the audit hook and stand-ins for a case route and another route, as `enhetschef`. */
async function appWith(recordCaseRead: (read: Read) => Promise<void>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = { username: 'enhetschef', roles: ['enhetschef'] };
  });
  app.get('/api/instances/:id', async (request, reply) => ((request.params as { id: string }).id === 'saknas' ? reply.code(404).send({}) : { id: 'x' }));
  app.get('/api/tasks', async () => []);
  await app.register(caseReadAuditPlugin, { runtime: { recordCaseRead } as unknown as RuntimeApi });
  await app.ready();
  return app;
}

describe('case read audit', () => {
  let app: FastifyInstance | undefined;
  afterEach(() => app?.close());

  test('when a case route answers, then the read is stored before the answer, and other routes and failures store nothing', async () => {
    // given
    const stored: Read[] = [];
    app = await appWith(async (read) => void stored.push(read));
    // when
    const read = await app.inject({ method: 'GET', url: '/api/instances/abc' });
    await app.inject({ method: 'GET', url: '/api/instances/saknas' });
    await app.inject({ method: 'GET', url: '/api/tasks' });
    // then
    expect(read.statusCode).toBe(200);
    expect(stored).toEqual([{ user: 'enhetschef', instanceId: 'abc', kind: 'instance' }]);
  });

  test('when the read cannot be stored, then the reader gets an error instead of the case', async () => {
    // given
    app = await appWith(async () => {
      throw new Error('disk full');
    });
    // when
    const read = await app.inject({ method: 'GET', url: '/api/instances/abc' });
    // then
    expect(read.statusCode).toBe(500);
    expect(read.body).not.toContain('"id":"x"');
  });
});
