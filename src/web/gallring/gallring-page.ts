// The admin's gallring page: the cases due now, shown before anything is removed, then the run of exactly those.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { gallringRunners } from '../../auth/index.js';
import { stockholmDay } from '../../timers/index.js';
import { actorOf, requireRole } from '../plugins/auth.js';
import { setNotice, takeNotice } from '../shared/notice-model.js';
import { IdSchema } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';

/** The previewed cases come back as one `case` field each; one case arrives as a string. */
const RunSchema = z.object({
  case: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(IdSchema).max(10_000)),
  confirm: z.literal('ja', { error: 'Kryssa i att du har granskat listan innan ärendena gallras.' }),
});

export const gallringPage: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/gallring', { onRequest: requireRole(...gallringRunners) }, async (request, reply) => {
    return reply.page('gallring/gallring.hbs', { title: 'Gallring', notice: takeNotice(request), error: null, ...(await pageModel()) });
  });

  app.post('/gallring', { onRequest: requireRole(...gallringRunners) }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = RunSchema.safeParse(body);
    if (!parsed.success) {
      const error = parsed.error.issues.find((i) => i.path[0] === 'confirm')?.message ?? 'Listan kunde inte läsas. Ladda om sidan och försök igen.';
      return reply.page('gallring/gallring.hbs', { title: 'Fel: gallring', notice: null, error, ...(await pageModel()) }, 400);
    }
    const ids = parsed.data.case;
    const culled = ids.length ? await runtime.runGallring(actorOf(request), { only: new Set(ids) }) : [];
    setNotice(request, '/gallring', culled.length === 1 ? 'Ett ärende gallrades.' : `${culled.length} ärenden gallrades.`);
    return reply.redirect('/gallring', 303);
  });

  async function pageModel() {
    const today = stockholmDay(new Date(runtime.clockNow().now));
    const names = new Map(runtime.listProcesses().map((p) => [p.key, p.name]));
    const cases = runtime.gallringPreview().map((c) => ({
      ...c,
      processName: names.get(c.processKey) ?? c.processKey,
      businessKey: runtime.getInstance(c.instanceId).businessKey,
      late: c.dueBy < today,
    }));
    const runs = (await runtime.gallringRuns()).slice(0, 20).map((r) => ({ ...r, count: r.cases.length }));
    const heading = cases.length === 0 ? 'Inga ärenden att gallra' : cases.length === 1 ? 'Ett ärende att gallra' : `${cases.length} ärenden att gallra`;
    const button = cases.length === 1 ? 'Gallra ärendet' : `Gallra ${cases.length} ärenden`;
    return { cases, runs, heading, button };
  }
};
