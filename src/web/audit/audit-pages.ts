// The auditor's access log page: who read which case, when; filtered by case, user, person and dates, and as CSV.
// Auditors and admins only.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { accessLogReaders } from '../../auth/index.js';
import { TZDate } from '@date-fns/tz';
import { stringify } from 'csv-stringify/sync';
import { maxCaseReads, type CaseRead, type CaseReadKind } from '../../audit/index.js';
import { isCalendarDate } from '../../forms/index.js';
import { addCalendar } from '../../timers/index.js';
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
  offers: 'Erbjudandena i boenderegistret (med personerna)',
  waitlist: 'Väntelistan för byte av boende',
  'ivo-report': 'IVO-rapporten',
  statistics: 'Statistiksidan',
};

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(max, message).optional()).transform((v) => v || undefined);

const dayOrNothing = (message: string) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.union([z.literal(''), z.string().refine(isCalendarDate, message)]).optional()).transform((v) => v || undefined);

const FilterSchema = z.object({
  instanceId: optionalText(200, 'Ärendets id får vara högst 200 tecken.'),
  user: optionalText(100, 'Användarnamnet får vara högst 100 tecken.'),
  person: optionalText(200, 'Personen får vara högst 200 tecken.'),
  from: dayOrNothing('Ange ett datum (ÅÅÅÅ-MM-DD).'),
  to: dayOrNothing('Ange ett datum (ÅÅÅÅ-MM-DD).'),
  format: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(['csv']).optional()),
});

/** `GET /audit/access-log?instanceId=&user=&person=&from=&to=` (`format=csv` for the same reads as CSV). */
export const auditPages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/audit/access-log', { onRequest: requireRole(...accessLogReaders) }, async (request, reply) => {
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const parsed = FilterSchema.safeParse(raw);
    const values = { instanceId: text(raw.instanceId), user: text(raw.user), person: text(raw.person), from: text(raw.from), to: text(raw.to) };
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
      return reply.page('audit/access-log.hbs', { title: 'Åtkomstlogg', values, errors, reads: [], filtered: true }, 400);
    }
    const { person, from, to, format, ...filter } = parsed.data;
    const cases = runtime.listInstances({});
    const businessKeys = new Map(cases.map((i) => [i.id, i.businessKey]));
    // A person's reads: those of every case about them, lists that showed one included.
    const personCases = person ? new Set(runtime.listInstances({ q: person }).map((c) => c.id)) : undefined;
    const reads = (
      await runtime.listCaseReads({
        ...filter,
        ...(personCases ? { instanceIds: personCases } : {}),
        ...(from ? { from: startOfDay(from) } : {}),
        ...(to ? { to: startOfDay(addCalendar(to, 'days', 1)) } : {}),
        limit: format === 'csv' ? maxCaseReads : accessLogPageSize,
      })
    ).map((read) => ({ ...read, kindName: kindNames[read.kind], businessKey: businessKeys.get(read.instanceId) ?? null, shownCount: read.shown?.length ?? null }));
    if (format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="atkomstlogg.csv"')
        .send(accessLogCsv(reads, businessKeys));
    }
    const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== '')).toString();
    return reply.page('audit/access-log.hbs', {
      title: 'Åtkomstlogg',
      values,
      errors: {},
      reads,
      filtered: Boolean(filter.instanceId || filter.user || person || from || to),
      full: reads.length === accessLogPageSize,
      pageSize: accessLogPageSize,
      csvUrl: `/audit/access-log?${query ? `${query}&` : ''}format=csv`,
    });
  });
};

/** The instant a Stockholm day begins, for comparing with the reads' ISO times. */
function startOfDay(day: string): string {
  return new TZDate(`${day}T00:00:00`, 'Europe/Stockholm').toISOString();
}

/** The reads for a spreadsheet (semicolons and a BOM, as Swedish spreadsheet programs expect; formulas neutralised). */
function accessLogCsv(reads: readonly (CaseRead & { kindName: string })[], businessKeys: ReadonlyMap<string, string | null>): string {
  const rows = reads.map((r) => [r.at, r.user, r.instanceId ? (businessKeys.get(r.instanceId) ?? r.instanceId) : '', r.instanceId, r.kindName, (r.shown ?? []).map((id) => businessKeys.get(id) ?? id).join(', ')]);
  return '\ufeff' + stringify([['Tid', 'Användare', 'Ärende', 'Ärendets id', 'Vad', 'Visade ärenden'], ...rows], { delimiter: ';', escape_formulas: true });
}

function text(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}
