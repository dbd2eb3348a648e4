// The process pages: every routine, one routine's versions with diagrams and downloads, and a diff of two versions.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { IdSchema, parseInput, VersionSchema } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';
import { diffModel, processListModel, processVersionsModel } from './process-versions-model.js';

const KeyParamsSchema = z.object({ key: IdSchema });
const VersionParamsSchema = z.object({ key: IdSchema, version: VersionSchema });
const DiffQuerySchema = z.strictObject({ from: VersionSchema, to: VersionSchema });

/** bpmn-js from its npm package and our viewer script, all from /assets (the CSP allows nothing else). */
const diagramAssets = {
  scripts: ['/assets/bpmn-js/bpmn-navigated-viewer.production.min.js', '/assets/app/diagram-loader.js', '/assets/app/version-diagram.js'],
  styles: ['/assets/bpmn-js/assets/diagram-js.css', '/assets/bpmn-js/assets/bpmn-js.css'],
};

/** `/processes`, `/processes/:key`, its versions' BPMN files and `/processes/:key/diff`: for every signed-in user. */
export const processVersionPages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/processes', async (_request, reply) => reply.page('processes/index.hbs', { title: 'Processer', ...processListModel(runtime) }));

  app.get('/processes/:key', async (request, reply) => {
    const { key } = parseInput(KeyParamsSchema, request.params, 'params');
    const model = processVersionsModel(runtime, key);
    return reply.page('processes/versions.hbs', { title: `Processen ${model.process.name}`, ...model, ...diagramAssets });
  });

  app.get('/processes/:key/versions/:version.bpmn', async (request, reply) => {
    const { key, version } = parseInput(VersionParamsSchema, request.params, 'params');
    const xml = await runtime.getDefinitionSource(key, version);
    return reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${key}-v${version}.bpmn"`)
      .send(xml);
  });

  app.get('/processes/:key/diff', async (request, reply) => {
    const { key } = parseInput(KeyParamsSchema, request.params, 'params');
    const { from, to } = parseInput(DiffQuerySchema, request.query, 'query');
    const process = runtime.getProcess(key);
    const diff = diffModel(await runtime.compareVersions(key, from, to));
    return reply.page('processes/diff.hbs', { title: `Ändringar i ${process.name}: version ${from} till ${to}`, process, from, to, ...diff });
  });
};
