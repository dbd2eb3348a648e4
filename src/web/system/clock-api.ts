// The server's clock: anyone may read it; an admin may move it forward when it runs in manual mode.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ClockMove } from '../../runtime/index.js';
import { AppError } from '../../errors.js';
import { requireRole } from '../plugins/auth.js';
import { parseInput } from '../shared/parse-input.js';
import type { RouteOptions } from '../shared/route-options.js';

/** ISO 8601 duration such as `P3M1D` or `PT12H`: at least one part, time parts only after `T`. */
const IsoDurationSchema = z
  .string()
  .regex(
    /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
    'Ange en ISO 8601-varaktighet, t.ex. P3M eller PT12H.',
  );

const IsoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'Ange en tidpunkt i ISO 8601 med tidszon, t.ex. 2027-03-01T08:00:00Z.',
});

/** `{advance}` or `{to}`, exactly one; parsed as one object so a bad value is reported on its own field. */
const MoveBodySchema = z
  .object({ advance: IsoDurationSchema.optional(), to: IsoDateTimeSchema.optional() })
  .strict()
  .refine((body) => (body.advance === undefined) !== (body.to === undefined), {
    error: 'Ange exakt ett av advance (en varaktighet) eller to (en tidpunkt).',
  })
  .transform((body): ClockMove => (body.advance !== undefined ? { advance: body.advance } : { to: body.to ?? '' }));

/** `/api/clock`. */
export const clockRoutes: FastifyPluginAsync<RouteOptions> = async (app, { runtime }) => {
  app.get('/api/clock', async () => {
    const { now, mode } = runtime.clockNow();
    return { now, mode };
  });

  app.post('/api/clock', { onRequest: requireRole('admin') }, async (request) => {
    if (runtime.clockNow().mode !== 'manual') throw new AppError('clock_not_manual');
    const move = parseInput(MoveBodySchema, request.body ?? {}, 'body');
    const { now } = await runtime.moveClock(move);
    return { now };
  });
};
