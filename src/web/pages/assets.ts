// Static files from our own origin: the app's CSS and scripts (public/) and bpmn-js from its npm package, no CDN.
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

const require = createRequire(import.meta.url);
const bpmnJsDist = path.dirname(require.resolve('bpmn-js/dist/bpmn-navigated-viewer.production.min.js'));

export interface AssetOptions extends Record<string, unknown> {
  publicDir: string;
}

export const assetRoutes: FastifyPluginAsync<AssetOptions> = async (app, { publicDir }) => {
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/app/', decorateReply: true, index: false });
  await app.register(fastifyStatic, { root: bpmnJsDist, prefix: '/assets/bpmn-js/', decorateReply: false, index: false });
};
