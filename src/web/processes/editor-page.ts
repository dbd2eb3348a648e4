// The diagram editor's page: bpmn-js Modeler with our properties panel, for process owners. Its JSON is editor-api.ts.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../plugins/auth.js';
import { IdSchema, parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';

const KeyParamsSchema = z.object({ key: IdSchema });

/** bpmn-js Modeler from its npm package, the camunda moddle extension and our editor scripts, all from /assets. */
export const editorAssets = {
  scripts: [
    '/assets/bpmn-js/bpmn-modeler.production.min.js',
    '/assets/app/editor/editor-api.js',
    '/assets/app/editor/foreign-spellings.js',
    '/assets/app/editor/editor-palette.js',
    '/assets/app/editor/structure-sections.js',
    '/assets/app/editor/panel-dom.js',
    '/assets/app/editor/panel-model.js',
    '/assets/app/editor/general-sections.js',
    '/assets/app/editor/role-sections.js',
    '/assets/app/editor/form-fields-section.js',
    '/assets/app/editor/timer-sections.js',
    '/assets/app/editor/service-section.js',
    '/assets/app/editor/message-sections.js',
    '/assets/app/editor/condition-section.js',
    '/assets/app/editor/properties-panel.js',
    '/assets/app/editor/check-markers.js',
    '/assets/app/editor/element-picker.js',
    '/assets/app/editor/editor.js',
  ],
  styles: [
    '/assets/bpmn-js/assets/diagram-js.css',
    '/assets/bpmn-js/assets/bpmn-js.css',
    '/assets/bpmn-js/assets/bpmn-font/css/bpmn.css',
    '/assets/app/editor/editor.css',
  ],
};

export const editorPages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/processes/:key/edit', { onRequest: requireRole('processagare') }, async (request, reply) => {
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
};
