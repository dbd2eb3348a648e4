// Server-rendered pages: Handlebars from views/, a layout, partials, helpers, and `reply.page()` with what every page needs.
import { readdir } from 'node:fs/promises';
import '@fastify/csrf-protection';
import path from 'node:path';
import view from '@fastify/view';
import Handlebars from 'handlebars';
import type { Actor } from '../../auth/index.js';
import { markCurrent, navigationFor } from '../shared/navigation.js';
import { viewHelpers } from './view-helpers.js';
import { sharedPlugin } from './shared-plugin.js';
import { signedInUntil } from './session.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders `views/<template>.hbs` in the layout, with the signed-in user, the CSRF token and the navigation. */
    page(template: string, data: Record<string, unknown> & { title: string }, status?: number): FastifyReply;
  }
}

export interface ViewOptions extends Record<string, unknown> {
  viewsDir: string;
  /** Cache compiled templates (off while developing the templates). */
  production: boolean;
}

export const viewsPlugin = sharedPlugin<ViewOptions>('views', async (app, { viewsDir, production }) => {
  const handlebars = Handlebars.create();
  for (const [name, helper] of Object.entries(viewHelpers)) handlebars.registerHelper(name, helper);
  // Templates are compiled at boot, so a broken one stops the start rather than a request.
  await app.register(view, {
    engine: { handlebars },
    root: viewsDir,
    layout: 'layouts/main.hbs',
    viewExt: 'hbs',
    options: { partials: await partials(viewsDir) },
    production,
  });

  app.decorateReply('page', function page(this: import('fastify').FastifyReply, template: string, data: Record<string, unknown> & { title: string }, status = 200) {
    const actor: Actor | null = this.request.actor ?? null;
    const csrfToken = actor ? this.generateCsrf() : null;
    // The sign-in's end, for the warning before it (public/session-timeout.js); basic-auth callers have none.
    const until = actor ? signedInUntil(this.request) : null;
    // Sent as time left as well, so a computer whose clock is wrong still warns on time.
    const session = until === null ? null : { until: new Date(until).toISOString(), remainingMs: Math.max(0, until - Date.now()) };
    return this.code(status).view(template, { ...data, user: actor, csrfToken, session, navigation: actor ? markCurrent(navigationFor(actor), this.request.url.split('?')[0] ?? '/') : [] });
  });
});

async function partials(viewsDir: string): Promise<Record<string, string>> {
  const dir = path.join(viewsDir, 'partials');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.hbs'));
  const out: Record<string, string> = {};
  for (const file of files) {
    out[path.basename(file, '.hbs')] = path.relative(viewsDir, path.join(dir, file));
  }
  return out;
}
