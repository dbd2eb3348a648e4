// The diagram editor: the page with bpmn-js Modeler, and the JSON it works with (catalogue, checks, timer words,
// publish). Everything is for process owners; a publish runs the same checks as POST /api/processes.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { EditorCatalogue } from '../../editor/index.js';
import { describedKinds, describeTimer } from '../../timers/index.js';
import { actorOf, requireRole } from '../plugins/auth.js';
import { IdSchema, parseInput, VersionSchema } from '../shared/parse-input.js';
import { acceptBpmnXml, bpmnXmlBody } from './bpmn-xml-body.js';
import type { RouteOptions } from '../shared/route-options.js';

export interface EditorOptions extends RouteOptions {
  catalogue: EditorCatalogue;
  bpmnMaxBytes: number;
}

const KeyParamsSchema = z.object({ key: IdSchema });
const KeyQuerySchema = z.strictObject({ key: IdSchema });
const PublishQuerySchema = z.strictObject({
  key: IdSchema,
  /** The version the editor started from; a publish on top of a newer one would silently undo someone's changes. */
  base: VersionSchema,
});
const TimerWordsQuerySchema = z.strictObject({
  kind: z.enum(describedKinds),
  value: z.string().max(500, 'Värdet får vara högst 500 tecken.'),
});

/** bpmn-js Modeler from its npm package, the camunda moddle extension and our editor scripts, all from /assets. */
const editorAssets = {
  scripts: [
    '/assets/bpmn-js/bpmn-modeler.production.min.js',
    '/assets/app/editor/editor-api.js',
    '/assets/app/editor/properties-panel.js',
    '/assets/app/editor/check-markers.js',
    '/assets/app/editor/editor.js',
  ],
  styles: [
    '/assets/bpmn-js/assets/diagram-js.css',
    '/assets/bpmn-js/assets/bpmn-js.css',
    '/assets/bpmn-js/assets/bpmn-font/css/bpmn.css',
    '/assets/app/editor/editor.css',
  ],
};

export const editorPages: FastifyPluginAsync<EditorOptions> = async (app, { runtime, catalogue, bpmnMaxBytes }) => {
  const onlyOwners = requireRole('processagare');
  acceptBpmnXml(app, bpmnMaxBytes);

  app.get('/processes/:key/edit', { onRequest: onlyOwners }, async (request, reply) => {
    const { key } = parseInput(KeyParamsSchema, request.params, 'params');
    const process = runtime.getProcess(key);
    return reply.page('processes/edit.hbs', {
      title: `Redigera ${process.name}`,
      process,
      nextVersion: process.version + 1,
      sourceUrl: `/processes/${encodeURIComponent(key)}/versions/${process.version}.bpmn`,
      ...editorAssets,
    });
  });

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
    runtime.getProcess(key); // 404 for a routine that does not exist, before the diagram is read
    const published = await runtime.deploy(bpmnXmlBody(request.body), actorOf(request), { key, baseVersion: base });
    request.log.info({ event: 'process.published', user: actorOf(request).username, key, version: published.version, from: 'editor' }, 'rutin publicerad');
    return reply.code(201).send(published);
  });
};
