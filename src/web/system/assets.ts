// Static files from our own origin: the app's CSS and scripts (public/) and bpmn-js from its npm package, no CDN.
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

const require = createRequire(import.meta.url);
const bpmnJsDist = path.dirname(require.resolve('bpmn-js/dist/bpmn-navigated-viewer.production.min.js'));
const camundaModdle = path.dirname(require.resolve('camunda-bpmn-moddle/resources/camunda.json'));

export interface AssetOptions extends Record<string, unknown> {
  publicDir: string;
}

export const assetRoutes: FastifyPluginAsync<AssetOptions> = async (app, { publicDir }) => {
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/app/', decorateReply: true, index: false });
  await app.register(fastifyStatic, { root: bpmnJsDist, prefix: '/assets/bpmn-js/', decorateReply: false, index: false });
  // The editor reads and writes camunda:candidateGroups, formData and properties with this moddle extension.
  await app.register(fastifyStatic, { root: camundaModdle, prefix: '/assets/camunda-moddle/', decorateReply: false, index: false });
};
