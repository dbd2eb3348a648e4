// The housing register (Boendemodul), read-only: its changes come from process steps. See docs/housing-api.md.
// Units and apartments are open to every user; persons only to `housingPersonReaders` (housing-need-to-know.ts).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { housingPersonReaders } from '../../auth/index.js';
import { apartmentStatuses, HousingSeedSchema, unitsWithCounts } from '../../housing/index.js';
import { actorOf, requireRole } from '../plugins/auth.js';
import { IdSchema, parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';
import { readsMany } from '../plugins/case-read-audit.js';
import { apartmentWithoutQueuePlace, casesOf, maySeeHousingPersons, offerWithoutPerson } from './housing-need-to-know.js';

const ApartmentQuerySchema = z.object({ unitId: IdSchema.optional(), status: z.enum(apartmentStatuses).optional() });
const StatusQuerySchema = z.object({ status: z.enum(['aktiv', 'avslutad']).optional() });
const OfferQuerySchema = z.object({ apartmentId: IdSchema.optional(), queueEntryId: z.string().uuid().optional() });

const NewHousingSchema = z
  .object({ units: HousingSeedSchema.shape.units.default([]), apartments: HousingSeedSchema.shape.apartments.default([]) })
  .strict()
  .refine((b) => b.units.length + b.apartments.length > 0, { message: 'Ange minst ett boende eller en lägenhet.' });

export const housingRoutes: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  // New units and apartments enter the register here; their later status changes come only from process steps.
  app.post('/api/housing', { onRequest: requireRole('boendesamordnare') }, async (request, reply) => {
    const body = parseInput(NewHousingSchema, request.body ?? {}, 'body');
    await runtime.seedHousing(body);
    request.log.info({ event: 'housing.registered', user: actorOf(request).username, units: body.units.length, apartments: body.apartments.length }, 'boenderegistret utökat');
    return reply.code(201).send({ units: body.units.length, apartments: body.apartments.length });
  });

  app.get('/api/housing/units', async () => {
    return unitsWithCounts(runtime.housingRegister());
  });

  app.get('/api/housing/apartments', async (request) => {
    const { unitId, status } = parseInput(ApartmentQuerySchema, request.query, 'query');
    const apartments = runtime.housingRegister().apartments.filter((a) => (!unitId || a.unitId === unitId) && (!status || a.status === status));
    // Which queue place holds an apartment leads to a person through the offers; only those with a part see it.
    return maySeeHousingPersons(actorOf(request)) ? apartments : apartments.map(apartmentWithoutQueuePlace);
  });

  app.get('/api/housing/queue', { onRequest: requireRole(...housingPersonReaders) }, async (request) => {
    const { status } = parseInput(StatusQuerySchema, request.query, 'query');
    const queue = runtime.housingRegister().queue.filter((q) => !status || q.status === status);
    readsMany(request, 'queue', casesOf(queue));
    return queue;
  });

  app.get('/api/housing/offers', async (request) => {
    const { apartmentId, queueEntryId } = parseInput(OfferQuerySchema, request.query, 'query');
    const offers = runtime.housingRegister().offers.filter((o) => (!apartmentId || o.apartmentId === apartmentId) && (!queueEntryId || o.queueEntryId === queueEntryId));
    // Everyone may see which apartments were offered when; who to, why no and the case only those with a part.
    if (!maySeeHousingPersons(actorOf(request))) return offers.map(offerWithoutPerson);
    readsMany(request, 'offers', casesOf(offers));
    return offers;
  });

  app.get('/api/housing/waitlist', { onRequest: requireRole(...housingPersonReaders) }, async (request) => {
    const { status } = parseInput(StatusQuerySchema, request.query, 'query');
    const waitlist = runtime.housingRegister().waitlist.filter((w) => !status || w.status === status);
    readsMany(request, 'waitlist', casesOf(waitlist));
    return waitlist;
  });
};
