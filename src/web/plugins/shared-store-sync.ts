// On a store several servers share, every request first learns what the others stored, so a task completed on one
// server is gone from the next page on any other (one small read; nothing to do on the embedded store).
import { sharedPlugin } from './shared-plugin.js';

export const sharedStoreSyncPlugin = sharedPlugin('shared-store-sync', async (app, { runtime }: { runtime: { catchUp(): Promise<void> } }) => {
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/') || request.url === '/health') return;
    await runtime.catchUp();
  });
});
