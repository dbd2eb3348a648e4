// Publishing a routine from the browser: a process owner uploads a BPMN file, the same checks as the API run, and a
// changed file becomes the next version (running instances stay on theirs).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../errors.js';
import { actorOf, requireRole } from '../plugins/auth.js';
import type { RouteOptions } from '../shared/route-options.js';

export interface PublishOptions extends RouteOptions {
  bpmnMaxBytes: number;
}

export const publishPage: FastifyPluginAsync<PublishOptions> = async (app, { runtime, bpmnMaxBytes }) => {
  // Fields (the CSRF token and the file) land in the body, so the CSRF check reads the token as for any form.
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: bpmnMaxBytes, files: 1, fields: 2, parts: 3 } });
  const onlyOwners = requireRole('processagare');

  app.get('/processes/publish', { onRequest: onlyOwners }, async (_request, reply) => reply.page('processes/publish.hbs', { title: 'Publicera en rutin' }));

  app.post('/processes/publish', { onRequest: onlyOwners, preHandler: app.csrfProtection }, async (request, reply) => {
    // The file from the form, or the diagram's text when a client posts it as a plain form field.
    const field = (request.body as { diagram?: unknown } | undefined)?.diagram;
    const xml = Buffer.isBuffer(field) ? field.toString('utf8') : typeof field === 'string' ? field : '';
    if (!xml.trim()) {
      return reply.page('processes/publish.hbs', { title: 'Publicera en rutin', problems: [{ field: '', message: 'Välj en BPMN-fil att publicera.' }] }, 400);
    }
    try {
      const { key, version, warnings } = await runtime.deploy(xml, actorOf(request));
      request.log.info({ event: 'process.published', user: actorOf(request).username, key, version }, 'rutin publicerad');
      // Advice is shown before the owner moves on; without any, straight to the routine.
      if (warnings.length) return reply.page('processes/publish.hbs', { title: 'Publicera en rutin', published: { key, version, warnings } });
      return reply.redirect(`/processes/${encodeURIComponent(key)}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'invalid_definition') throw err;
      return reply.page('processes/publish.hbs', { title: 'Publicera en rutin', summary: err.message, problems: err.fields ?? [] }, 400);
    }
  });
};
