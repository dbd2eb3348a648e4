// The housing register (Boendemodul) pages, read-only: units and offers for every signed-in user; the queue, the
// waitlist and who an offer went to only for `housingPersonReaders` (need to know, OSL 26 kap.).
import type { FastifyPluginAsync } from 'fastify';
import { housingPersonReaders } from '../../auth/index.js';
import { stockholmDay } from '../../timers/index.js';
import { actorOf, requireRole } from '../plugins/auth.js';
import type { RouteOptions } from '../shared/route-options.js';
import { housingSubnav, offersPageModel, queuePageModel, unitsPageModel, waitlistPageModel } from './housing-page-model.js';
import { readsMany } from '../plugins/case-read-audit.js';
import { casesOf, maySeeHousingPersons } from './housing-need-to-know.js';

/** `/housing`, `/housing/queue`, `/housing/offers` and `/housing/waitlist`; page-auth has already required a user. */
export const housingPages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/housing', async (request, reply) =>
    reply.page('housing/units.hbs', { title: 'Boenderegistret', subnav: housingSubnav(actorOf(request), '/housing'), ...unitsPageModel(runtime.housingRegister()) }),
  );

  app.get('/housing/queue', { onRequest: requireRole(...housingPersonReaders) }, async (request, reply) => {
    const today = stockholmDay(new Date(runtime.clockNow().now));
    readsMany(request, 'queue', casesOf(runtime.housingRegister().queue));
    return reply.page('housing/queue.hbs', { title: 'Kö till boende', subnav: housingSubnav(actorOf(request), '/housing/queue'), today, ...queuePageModel(runtime.housingRegister(), today) });
  });

  app.get('/housing/offers', async (request, reply) => {
    const actor = actorOf(request);
    const withPersons = maySeeHousingPersons(actor);
    const model = offersPageModel(runtime.housingRegister(), withPersons);
    if (withPersons) readsMany(request, 'offers', casesOf(runtime.housingRegister().offers));
    return reply.page('housing/offers.hbs', { title: 'Erbjudanden', subnav: housingSubnav(actor, '/housing/offers'), ...model });
  });

  app.get('/housing/waitlist', { onRequest: requireRole(...housingPersonReaders) }, async (request, reply) => {
    readsMany(request, 'waitlist', casesOf(runtime.housingRegister().waitlist));
    return reply.page('housing/waitlist.hbs', { title: 'Väntelista för byte av boende', subnav: housingSubnav(actorOf(request), '/housing/waitlist'), ...waitlistPageModel(runtime.housingRegister()) });
  });
};

