// Process definitions: list, read, deploy a BPMN upload, start an instance.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { actorOf, requireRole } from '../plugins/auth.js';
import { IdSchema, parseInput, VariablesSchema, VersionSchema } from '../shared/parse-input.js';
import { presentProcess, presentProcessItem } from '../shared/present.js';
import { acceptBpmnXml, bpmnXmlBody } from './bpmn-xml-body.js';
import type { RouteOptions } from '../shared/route-options.js';

const KeyParamsSchema = z.object({ key: IdSchema });
const VersionParamsSchema = z.object({ key: IdSchema, version: VersionSchema });

const StartBodySchema = z
  .object({
    businessKey: z.string().trim().min(1).max(200).optional(),
    variables: VariablesSchema.default({}),
  })
  .strict();

/** Options of the process routes: the runtime and the size cap of a BPMN upload. */
export interface ProcessRouteOptions extends RouteOptions {
  bpmnMaxBytes: number;
}

/** `/api/processes`, a version's BPMN XML and `/api/processes/:key/instances`. */
export const processRoutes: FastifyPluginAsync<ProcessRouteOptions> = async (app, { runtime, bpmnMaxBytes }) => {
  app.get('/api/processes', async () => runtime.listProcesses().map(presentProcessItem));

  app.get('/api/processes/:key', async (request) => {
    const { key } = parseInput(KeyParamsSchema, request.params, 'params');
    return presentProcess(runtime.getProcess(key));
  });

  // The stored XML byte for byte: an integration learns a message's id and name from the diagram it runs.
  app.get('/api/processes/:key/versions/:version/bpmn', async (request, reply) => {
    const { key, version } = parseInput(VersionParamsSchema, request.params, 'params');
    const xml = await runtime.getDefinitionSource(key, version);
    return reply.type('application/xml; charset=utf-8').send(xml);
  });

  app.post('/api/processes/:key/instances', async (request, reply) => {
    const { key } = parseInput(KeyParamsSchema, request.params, 'params');
    const body = parseInput(StartBodySchema, request.body ?? {}, 'body');
    const { id } = await runtime.startInstance(key, body, actorOf(request));
    return reply.code(201).send({ id });
  });

  // A child context: only the upload route accepts XML.
  await app.register(async (upload) => {
    acceptBpmnXml(upload, bpmnMaxBytes);
    upload.post(
      '/api/processes',
      { bodyLimit: bpmnMaxBytes, onRequest: requireRole('processagare') },
      async (request, reply) => {
        const { key, version, warnings } = await runtime.deploy(bpmnXmlBody(request.body), actorOf(request));
        return reply.code(201).send({ key, version, warnings });
      },
    );
  });
};
