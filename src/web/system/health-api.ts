// Readiness: registered only once definitions are loaded and instances recovered, so a 200 means ready.
import type { FastifyPluginAsync } from 'fastify';

/** `GET /health` → 200 `{"status":"ok"}`; needs no user. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', async () => ({ status: 'ok' }));
};
