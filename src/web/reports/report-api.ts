// The IVO report per quarter, as JSON or CSV.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ivoReportReaders } from '../../auth/index.js';
import { ivoReportCsv } from '../../reports/index.js';
import { requireRole } from '../plugins/auth.js';
import { parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';

const QuerySchema = z.object({
  quarter: z.string({ error: 'Ange kvartalet, till exempel quarter=2027Q1.' }).max(10),
  format: z.enum(['json', 'csv']).optional(),
});

/** `GET /api/reports/ivo?quarter=2027Q1` (`Accept: text/csv` or `format=csv` for CSV). */
export const reportRoutes: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/api/reports/ivo', { onRequest: requireRole(...ivoReportReaders) }, async (request, reply) => {
    const { quarter, format } = parseInput(QuerySchema, request.query, 'query');
    const report = runtime.ivoReport(quarter);
    const wantsCsv = format === 'csv' || (format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''));
    if (!wantsCsv) return report;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="ivo-ej-verkstallda-${report.quarter}.csv"`)
      .send(ivoReportCsv(report));
  });
};
