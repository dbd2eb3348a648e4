// CSRF protection of every form post: a token bound to the session, checked after the form body is parsed.
import csrfProtection from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import { sharedPlugin } from './shared-plugin.js';

export const csrfPlugin = sharedPlugin('csrf', async (app) => {
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(csrfProtection, { sessionPlugin: '@fastify/secure-session' });
});
