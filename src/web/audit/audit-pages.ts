// The auditor's access log page: who read which case, when; filtered by case and by user. Auditors and admins only.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { accessLogReaders } from '../../auth/index.js';
import type { CaseReadKind } from '../../audit/index.js';
import { requireRole } from '../plugins/auth.js';
import type { RouteOptions } from '../shared/route-options.js';

/** How many reads the page lists at most, newest first. */
export const accessLogPageSize = 500;

const kindNames: Record<CaseReadKind, string> = {
  page: 'Ärendesidan',
  diagram: 'Processdiagrammet',
  instance: 'Ärendet (API)',
  history: 'Historiken (API eller CSV)',
  task: 'Uppgiftssidan',
  list: 'Ärendelistan',
  search: 'En sökning bland ärendena',
  queue: 'Kön i boenderegistret',
  'ivo-report': 'IVO-rapporten',
  statistics: 'Statistiksidan',
};

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(max, message).optional()).transform((v) => v || undefined);

const FilterSchema = z.object({
  instanceId: optionalText(200, 'Ärendets id får vara högst 200 tecken.'),
  user: optionalText(100, 'Användarnamnet får vara högst 100 tecken.'),
});

/** `GET /audit/access-log?instanceId=&user=`. */
export const auditPages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/audit/access-log', { onRequest: requireRole(...accessLogReaders) }, async (request, reply) => {
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const parsed = FilterSchema.safeParse({ instanceId: raw.instanceId, user: raw.user });
    const values = { instanceId: text(raw.instanceId), user: text(raw.user) };
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
      return reply.page('audit/access-log.hbs', { title: 'Åtkomstlogg', values, errors, reads: [], filtered: true }, 400);
    }
    const filter = parsed.data;
    const businessKeys = new Map(runtime.listInstances({}).map((i) => [i.id, i.businessKey]));
    const reads = (await runtime.listCaseReads({ ...filter, limit: accessLogPageSize })).map((read) => ({
      ...read,
      kindName: kindNames[read.kind],
      businessKey: businessKeys.get(read.instanceId) ?? null,
      shownCount: read.shown?.length ?? null,
    }));
    return reply.page('audit/access-log.hbs', {
      title: 'Åtkomstlogg',
      values,
      errors: {},
      reads,
      filtered: Boolean(filter.instanceId || filter.user),
      full: reads.length === accessLogPageSize,
      pageSize: accessLogPageSize,
    });
  });
};

function text(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}
