// The quarterly report pages: the IVO report (a quarter's decisions not executed within 3 months, with links to the
// cases) and the de-identified statistics for the council and the auditor, each with a CSV download.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ivoReportReaders, statistikReaders } from '../../auth/index.js';
import { AppError } from '../../errors.js';
import { stockholmDay } from '../../timers/index.js';
import { requireRole } from '../plugins/auth.js';
import type { RouteOptions } from '../shared/route-options.js';
import { quarterOf } from '../shared/report-quarters.js';
import { ivoPageModel } from './report-ivo-model.js';
import { statistikPageModel } from './report-statistik-model.js';
import { readsMany } from '../plugins/case-read-audit.js';

/** The asked quarter, or the current one when none is asked. */
function askedQuarter(query: unknown, today: string): string {
  const asked = (query as Record<string, unknown>).quarter;
  // A repeated or overlong parameter is as wrong as a misspelt one: the runtime refuses it with its own message.
  return asked === undefined || asked === '' ? quarterOf(today) : typeof asked === 'string' && asked.length <= 10 ? asked : '-';
}

/** Renders `render()`'s page; a bad quarter shows the picker alone with the runtime's message, with 400. */
function pageOrBadQuarter(reply: FastifyReply, view: string, title: string, render: () => object, picker: (message: string) => object) {
  try {
    return reply.page(view, { title, ...render() });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'bad_request') throw error;
    return reply.page(view, { title: `Fel: ${title}`, ...picker(error.message) }, 400);
  }
}

/** `GET /reports/ivo?quarter=2027Q1` and `GET /reports/statistik?quarter=2027Q1` (default: the current quarter). */
export const reportPages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  const today = () => stockholmDay(new Date(runtime.clockNow().now));

  app.get('/reports/ivo', { onRequest: requireRole(...ivoReportReaders) }, async (request, reply) => {
    const day = today();
    const quarter = askedQuarter(request.query, day);
    return pageOrBadQuarter(reply, 'reports/ivo.hbs', 'IVO-rapport', () => {
      const report = runtime.ivoReport(quarter);
      readsMany(request, 'ivo-report', report.rows.map((r) => r.instanceId)); // the report names persons
      return ivoPageModel(day, report);
    }, (message) => ivoPageModel(day, null, message));
  });

  app.get('/reports/statistik', { onRequest: requireRole(...statistikReaders) }, async (request, reply) => {
    const day = today();
    const quarter = askedQuarter(request.query, day);
    return pageOrBadQuarter(reply, 'reports/statistik.hbs', 'Kvartalsstatistik', () => statistikPageModel(day, runtime.statistikReport(quarter)), (message) => statistikPageModel(day, null, message));
  });
};
