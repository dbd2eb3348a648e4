// "Ny rutin": a process owner names a new routine and starts from a blank diagram or a copy of one; the editor opens on
// it and publishes version 1 (the editor's publish with base 0: a key that exists by then is a conflict, not an overwrite).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../plugins/auth.js';
import { IdSchema } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';
import { editorAssets } from './editor-page.js';
import { blankRoutine, copiedRoutine } from './new-routine.js';

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const NewRoutineSchema = z.object({
  name: z.preprocess(one, z.string({ error: 'Ange rutinens namn.' }).trim().min(3, 'Namnet behöver minst 3 tecken.').max(120, 'Namnet får vara högst 120 tecken.')),
  from: z.preprocess(one, z.union([z.literal(''), IdSchema]).optional()).transform((v) => v || null),
});

export const newRoutinePages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  const onlyOwners = requireRole('processagare');
  const routines = () => runtime.listProcesses().map((p) => ({ key: p.key, name: p.name })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  /** What was sent, checked: the name, its key and the routine to copy, or the errors to show by field. */
  function read(input: unknown) {
    const parsed = NewRoutineSchema.safeParse(input ?? {});
    if (!parsed.success) return { errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
    const { name, from } = parsed.data;
    const key = runtime.routineKeyFor(name);
    const known = new Set(routines().map((r) => r.key));
    if (key.length < 3) return { errors: { name: 'Namnet behöver minst tre bokstäver a–z för att bli ett id.' } };
    if (known.has(key)) return { errors: { name: `Det finns redan en rutin med id ${key}. Välj ett annat namn, eller redigera den rutinen.` } };
    if (from && !known.has(from)) return { errors: { from: 'Välj en av rutinerna i listan.' } };
    return { name, from, key };
  }

  app.get('/processes/new', { onRequest: onlyOwners }, async (_request, reply) =>
    reply.page('processes/new.hbs', { title: 'Ny rutin', routines: routines(), values: { name: '', from: '' }, errors: {} }),
  );

  app.post('/processes/new', { onRequest: onlyOwners }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const result = read(body);
    if ('errors' in result) {
      const values = { name: String(one(body.name) ?? ''), from: String(one(body.from) ?? '') };
      return reply.page('processes/new.hbs', { title: 'Fel: ny rutin', routines: routines(), values, errors: result.errors }, 400);
    }
    const query = new URLSearchParams({ name: result.name, ...(result.from ? { from: result.from } : {}) });
    return reply.page('processes/edit.hbs', {
      title: `Ny rutin: ${result.name}`,
      process: { key: result.key, name: result.name, version: 0 },
      isNew: true,
      nextVersion: 1,
      sourceUrl: `/processes/new.bpmn?${query.toString()}`,
      ...editorAssets,
    });
  });

  // The diagram the editor opens for a new routine; read again from the name, so nothing half-made is kept on the server.
  app.get('/processes/new.bpmn', { onRequest: onlyOwners }, async (request, reply) => {
    const result = read(request.query);
    if ('errors' in result) return reply.code(400).send({ error: 'bad_request', message: Object.values(result.errors ?? {}).join(' ') });
    const xml = result.from ? copiedRoutine(await runtime.getDefinitionSource(result.from, runtime.getProcess(result.from).version), result.from, result.key, result.name) : blankRoutine(result.key, result.name);
    return reply.type('application/xml; charset=utf-8').send(xml);
  });
};
