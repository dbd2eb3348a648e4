// The case page (one process instance) and the BPMN source its diagram is drawn from; every read lands in the access log.
import { takeNotice } from '../shared/notice-model.js';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { logCaseRead } from '../plugins/case-read-log.js';
import { actorOf } from '../plugins/auth.js';
import { IdSchema, parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';
import { caseModel } from './case-model.js';

const IdParamsSchema = z.object({ id: IdSchema });

/** bpmn-js from its npm package and our own script and styles, all from /assets (the CSP allows nothing else). */
const diagramAssets = {
  scripts: ['/assets/bpmn-js/bpmn-navigated-viewer.production.min.js', '/assets/app/diagram-loader.js', '/assets/app/case-diagram.js'],
  styles: ['/assets/bpmn-js/assets/diagram-js.css', '/assets/bpmn-js/assets/bpmn-js.css', '/assets/app/case-diagram.css'],
};

/** `GET /cases/:id` and `GET /cases/:id/diagram.bpmn`, for every signed-in user (the auditor included). */
export const casePage: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/cases/:id', async (request, reply) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const actor = actorOf(request);
    const model = await caseModel(runtime, id, actor);
    logCaseRead(request.log, { user: actor.username, instanceId: id, kind: 'page' });
    const title = `Ärende ${model.instance.businessKey ?? model.processName}`;
    return reply.page('cases/case.hbs', { title, notice: takeNotice(request), ...model, ...diagramAssets });
  });

  app.get('/cases/:id/diagram.bpmn', async (request, reply) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const actor = actorOf(request);
    const instance = runtime.getInstance(id);
    const xml = await runtime.getDefinitionSource(instance.processKey, instance.version);
    logCaseRead(request.log, { user: actor.username, instanceId: id, kind: 'diagram' });
    return reply.type('application/xml; charset=utf-8').send(xml);
  });
};
