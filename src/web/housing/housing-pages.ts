// The housing register (Boendemodul) pages, read-only for every signed-in user: units, queue, offers, waitlist.
import type { FastifyPluginAsync } from 'fastify';
import { stockholmDay } from '../../timers/index.js';
import type { RouteOptions } from '../shared/route-options.js';
import { housingSubnav, offersPageModel, queuePageModel, unitsPageModel, waitlistPageModel } from './housing-page-model.js';
import { readsMany } from '../plugins/case-read-audit.js';

/** `/housing`, `/housing/queue`, `/housing/offers` and `/housing/waitlist`; page-auth has already required a user. */
export const housingPages: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/housing', async (_request, reply) =>
    reply.page('housing/units.hbs', { title: 'Boenderegistret', subnav: housingSubnav('/housing'), ...unitsPageModel(runtime.housingRegister()) }),
  );

  app.get('/housing/queue', async (request, reply) => {
    const today = stockholmDay(new Date(runtime.clockNow().now));
    readsMany(request, 'queue', runtime.housingRegister().queue.map((q) => q.instanceId).filter((id): id is string => typeof id === 'string'));
    return reply.page('housing/queue.hbs', { title: 'Kö till boende', subnav: housingSubnav('/housing/queue'), today, ...queuePageModel(runtime.housingRegister(), today) });
  });

  app.get('/housing/offers', async (_request, reply) =>
    reply.page('housing/offers.hbs', { title: 'Erbjudanden', subnav: housingSubnav('/housing/offers'), ...offersPageModel(runtime.housingRegister()) }),
  );

  app.get('/housing/waitlist', async (_request, reply) =>
    reply.page('housing/waitlist.hbs', { title: 'Väntelista för byte av boende', subnav: housingSubnav('/housing/waitlist'), ...waitlistPageModel(runtime.housingRegister()) }),
  );
};

