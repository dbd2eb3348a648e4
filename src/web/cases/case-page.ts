// The case page (one process instance) and the BPMN source its diagram is drawn from; every read lands in the access log.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { decisionEventRecorders } from '../../auth/index.js';
import { AppError } from '../../errors.js';
import { actorOf, requireRole } from '../plugins/auth.js';
import { logCaseRead } from '../plugins/case-read-log.js';
import { DecisionEventSchema } from '../shared/decision-event-schema.js';
import { submittedValues } from '../shared/form-post-model.js';
import { setNotice, takeNotice } from '../shared/notice-model.js';
import { IdSchema, parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';
import { caseModel } from './case-model.js';
import { historyCsv } from './case-history-view.js';
import { retryVariables } from './case-incident-model.js';

const IdParamsSchema = z.object({ id: IdSchema });
/** `?historik=alla` shows every entry of the history, the engine's passages through gateways and events included. */
const CaseQuerySchema = z.object({ historik: z.enum(['alla']).optional() });
const RetryParamsSchema = z.object({ id: IdSchema, incidentId: IdSchema });

/** bpmn-js from its npm package and our own script and styles, all from /assets (the CSP allows nothing else). */
const diagramAssets = {
  scripts: ['/assets/bpmn-js/bpmn-navigated-viewer.production.min.js', '/assets/app/diagram-loader.js', '/assets/app/case-diagram.js'],
  styles: ['/assets/bpmn-js/assets/diagram-js.css', '/assets/bpmn-js/assets/bpmn-js.css', '/assets/app/case-diagram.css'],
};

/**
 * `GET /cases/:id` and `GET /cases/:id/diagram.bpmn`, for every signed-in user (the auditor included), and the form
 * that records an event on the case's decision: a redirect when it is stored, the page again with the reason when not.
 */
export const casePage: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/cases/:id', async (request, reply) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const { historik } = parseInput(CaseQuerySchema, request.query, 'query');
    const actor = actorOf(request);
    const model = await caseModel(runtime, id, actor, undefined, undefined, historik === 'alla');
    logCaseRead(request.log, { user: actor.username, instanceId: id, kind: 'page' });
    const title = `Ärende ${model.instance.businessKey ?? model.processName}`;
    return reply.page('cases/case.hbs', { title, notice: takeNotice(request), ...model, ...diagramAssets });
  });

  // The whole history for a spreadsheet; a read of the case like the page (case-read-audit.ts).
  app.get('/cases/:id/history.csv', async (request, reply) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const actor = actorOf(request);
    const instance = runtime.getInstance(id);
    const csv = historyCsv(await runtime.getHistory(id));
    logCaseRead(request.log, { user: actor.username, instanceId: id, kind: 'history' });
    const name = `historik-${(instance.businessKey ?? instance.id).replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(csv);
  });

  app.get('/cases/:id/diagram.bpmn', async (request, reply) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const actor = actorOf(request);
    const instance = runtime.getInstance(id);
    const xml = await runtime.getDefinitionSource(instance.processKey, instance.version);
    logCaseRead(request.log, { user: actor.username, instanceId: id, kind: 'diagram' });
    return reply.type('application/xml; charset=utf-8').send(xml);
  });

  app.post('/cases/:id/decision-events', { onRequest: requireRole(...decisionEventRecorders) }, async (request, reply) => {
    const { id } = parseInput(IdParamsSchema, request.params, 'params');
    const actor = actorOf(request);
    const decision = runtime.decisionOfCase(id);
    if (!decision) throw new AppError('not_found', 'Ärendet bär inget beslut.');
    const values = Object.fromEntries(Object.entries(submittedValues(request.body)).map(([k, v]) => [k, String(v)]));
    const posted = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    try {
      await runtime.recordDecisionEvent(decision.id, parseInput(DecisionEventSchema, posted, 'body'), actor);
    } catch (err) {
      if (!(err instanceof AppError) || !['bad_request', 'conflict'].includes(err.code)) throw err;
      const errors = err.fields?.length ? err.fields : [{ field: '', message: err.message }];
      const model = await caseModel(runtime, id, actor, { values, errors });
      logCaseRead(request.log, { user: actor.username, instanceId: id, kind: 'page' });
      const title = `Fel: ärende ${model.instance.businessKey ?? model.processName}`;
      return reply.page('cases/case.hbs', { title, notice: null, ...model, ...diagramAssets }, err.code === 'conflict' ? 409 : 400);
    }
    setNotice(request, `/cases/${id}`, 'Händelsen är registrerad på beslutet.');
    return reply.redirect(`/cases/${encodeURIComponent(id)}#beslutet`, 303);
  });

  // Who may retry is decided by the case's process (its roles); the runtime checks it once it knows the case.
  app.post('/cases/:id/incidents/:incidentId/retry', async (request, reply) => {
    const { id, incidentId } = parseInput(RetryParamsSchema, request.params, 'params');
    const actor = actorOf(request);
    const values = Object.fromEntries(Object.entries(submittedValues(request.body)).map(([k, v]) => [k, String(v)]));
    // Only the variables the incident's form offers are read, typed like the values they hold now.
    const offered = runtime.incidentForms(id, actor).find((i) => i.id === incidentId)?.variables ?? [];
    const read = retryVariables(Object.fromEntries(offered.map((v) => [v.name, v.value])), values);
    try {
      if ('errors' in read) throw new AppError('validation_failed', undefined, read.errors);
      await runtime.retryIncident(id, incidentId, read.variables, actor);
    } catch (err) {
      if (!(err instanceof AppError) || !['validation_failed', 'conflict'].includes(err.code)) throw err;
      const errors = err.fields?.length ? err.fields : [{ field: '', message: err.message }];
      const model = await caseModel(runtime, id, actor, undefined, { incidentId, values, errors });
      logCaseRead(request.log, { user: actor.username, instanceId: id, kind: 'page' });
      const title = `Fel: ärende ${model.instance.businessKey ?? model.processName}`;
      return reply.page('cases/case.hbs', { title, notice: null, ...model, ...diagramAssets }, err.code === 'conflict' ? 409 : 400);
    }
    setNotice(request, `/cases/${id}`, 'Steget kördes igen och ärendet gick vidare.');
    return reply.redirect(`/cases/${encodeURIComponent(id)}`, 303);
  });
};
