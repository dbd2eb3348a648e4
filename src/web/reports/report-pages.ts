// The IVO report page: a quarter's decisions not executed within 3 months, with links to the cases and a CSV download.
import type { FastifyPluginAsync } from 'fastify';
import { ivoReportReaders } from '../../auth/index.js';
import { AppError } from '../../errors.js';
import { stockholmDay } from '../../timers/index.js';
import { requireRole } from '../plugins/auth.js';
import type { RouteOptions } from '../shared/route-options.js';
import { quarterOf } from '../shared/report-quarters.js';
import { ivoPageModel } from './report-ivo-model.js';

const title = 'IVO-rapport';

/** `GET /reports/ivo?quarter=2027Q1` (default: the current quarter) for `ivoReportReaders` and admin. */
export const reportPages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/reports/ivo', { onRequest: requireRole(...ivoReportReaders) }, async (request, reply) => {
    const today = stockholmDay(new Date(runtime.clockNow().now));
    const asked = (request.query as Record<string, unknown>).quarter;
    // A repeated or overlong parameter is as wrong as a misspelt one: the runtime refuses it with its own message.
    const quarter = asked === undefined || asked === '' ? quarterOf(today) : typeof asked === 'string' && asked.length <= 10 ? asked : '-';
    try {
      return reply.page('reports/ivo.hbs', { title, ...ivoPageModel(today, runtime.ivoReport(quarter)) });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'bad_request') throw error;
      return reply.page('reports/ivo.hbs', { title: `Fel: ${title}`, ...ivoPageModel(today, null, error.message) }, 400);
    }
  });
};
