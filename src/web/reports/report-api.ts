// The quarterly reports as JSON or CSV: the IVO report and the de-identified statistics.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ivoReportReaders, statistikReaders } from '../../auth/index.js';
import { ivoReportCsv, statistikReportCsv } from '../../reports/index.js';
import { requireRole } from '../plugins/auth.js';
import { parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';
import { readsMany } from '../plugins/case-read-audit.js';

const QuerySchema = z.object({
  quarter: z.string({ error: 'Ange kvartalet, till exempel quarter=2027Q1.' }).max(10),
  format: z.enum(['json', 'csv']).optional(),
});

/** CSV when `format=csv`, or when no format is named and the client accepts text/csv. */
function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  return format === 'csv' || (format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''));
}

function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}

/** `GET /api/reports/ivo?quarter=2027Q1` and `GET /api/reports/statistik?quarter=2027Q2` (`Accept: text/csv` or `format=csv` for CSV). */
export const reportRoutes: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/api/reports/ivo', { onRequest: requireRole(...ivoReportReaders) }, async (request, reply) => {
    const { quarter, format } = parseInput(QuerySchema, request.query, 'query');
    const report = runtime.ivoReport(quarter);
    readsMany(request, 'ivo-report', report.rows.map((r) => r.instanceId));
    if (!wantsCsv(request, format)) return report;
    return sendCsv(reply, `ivo-ej-verkstallda-${report.quarter}.csv`, ivoReportCsv(report));
  });

  app.get('/api/reports/statistik', { onRequest: requireRole(...statistikReaders) }, async (request, reply) => {
    const { quarter, format } = parseInput(QuerySchema, request.query, 'query');
    const report = runtime.statistikReport(quarter);
    if (!wantsCsv(request, format)) return report;
    return sendCsv(reply, `kvartalsstatistik-ej-verkstallda-${report.quarter}.csv`, statistikReportCsv(report));
  });
};
