// The JSON the diagram editor works with: its catalogue, timer values in words, checks of a draft, and publishing.
// Everything is for process owners; a publish runs the same checks as POST /api/processes.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { EditorCatalogue } from '../../editor/index.js';
import { describedKinds, describeTimer } from '../../timers/index.js';
import { actorOf, requireRole } from '../plugins/auth.js';
import { IdSchema, parseInput, VersionSchema } from '../shared/parse-input.js';
import { acceptBpmnXml, bpmnXmlBody } from './bpmn-xml-body.js';
import type { RouteOptions } from '../shared/route-options.js';

export interface EditorApiOptions extends RouteOptions {
  catalogue: EditorCatalogue;
  bpmnMaxBytes: number;
}

const KeyQuerySchema = z.strictObject({ key: IdSchema });
const PublishQuerySchema = z.strictObject({
  key: IdSchema,
  /**
   * The version the editor started from; a publish on top of a newer one would silently undo someone's changes.
   * 0: a new routine ("Ny rutin"), which must not exist yet.
   */
  base: z.union([z.literal('0').transform(() => 0), VersionSchema]),
});
const TimerWordsQuerySchema = z.strictObject({
  kind: z.enum(describedKinds),
  value: z.string().max(500, 'Värdet får vara högst 500 tecken.'),
});

export const editorApiRoutes: FastifyPluginAsync<EditorApiOptions> = async (app, { runtime, catalogue, bpmnMaxBytes }) => {
  const onlyOwners = requireRole('processagare');
  acceptBpmnXml(app, bpmnMaxBytes);

  app.get('/api/editor/catalogue', { onRequest: onlyOwners }, async () => catalogue);

  app.get('/api/editor/timer-words', { onRequest: onlyOwners }, async (request) => {
    const { kind, value } = parseInput(TimerWordsQuerySchema, request.query, 'query');
    return describeTimer(kind, value);
  });

  app.post('/api/editor/check', { onRequest: onlyOwners, bodyLimit: bpmnMaxBytes }, async (request) => {
    const { key } = parseInput(KeyQuerySchema, request.query, 'query');
    return runtime.checkDefinition(bpmnXmlBody(request.body), key);
  });

  app.post('/api/editor/publish', { onRequest: onlyOwners, bodyLimit: bpmnMaxBytes }, async (request, reply) => {
    const { key, base } = parseInput(PublishQuerySchema, request.query, 'query');
    if (base > 0) runtime.getProcess(key); // 404 for a routine that does not exist, before the diagram is read
    const published = await runtime.deploy(bpmnXmlBody(request.body), actorOf(request), { key, baseVersion: base });
    request.log.info({ event: 'process.published', user: actorOf(request).username, key, version: published.version, from: 'editor' }, 'rutin publicerad');
    return reply.code(201).send(published);
  });
};
