// The statistics page for the steering group: waiting times from decision to execution, as SVG charts and tables.
import type { FastifyPluginAsync } from 'fastify';
import { statisticsReaders } from '../../auth/index.js';
import { stockholmDay } from '../../timers/index.js';
import { requireRole } from '../plugins/auth.js';
import type { RouteOptions } from '../shared/route-options.js';
import { statisticsPageModel } from './statistics-model.js';
import { readsMany } from '../plugins/case-read-audit.js';

/** `GET /statistics` for `statisticsReaders` and admin; 403 page for anyone else. */
export const statisticsPage: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/statistics', { onRequest: requireRole(...statisticsReaders) }, async (request, reply) => {
    const today = stockholmDay(new Date(runtime.clockNow().now));
    // The charts are de-identified; the read is logged all the same, as the auditor asked.
    readsMany(request, 'statistics', []);
    return reply.page('statistics/statistics.hbs', { title: 'Statistik: väntetider', ...statisticsPageModel(runtime.waitingTimes(), today) });
  });
};
