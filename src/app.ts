// Builds the whole application, top to bottom: logger, store, runtime, plugins, routes. server.ts only listens.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import { connectOidc, createUserDirectory, loadOidcRoleMap, oidcUsersFilePath, usersFilePath, withOidcUsers } from './auth/index.js';
import { seedDemoCases, seedDemoHousing } from './demo/index.js';
import { loadGallringConfig } from './gallring/index.js';
import { loadIvoConfig } from './reports/index.js';
import type { Config } from './config.js';
import { createRuntime, type RuntimeApi } from './runtime/index.js';
import { defaultHandlers, type ServiceHandler } from './handlers/index.js';
import { createStore } from './store/index.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseAccessPlugin,
  assetRoutes, auditPages, authPlugin, caseListPage, casePage, caseReadAuditPlugin, clockRoutes, csrfPlugin,
  decisionRoutes, editorApiRoutes, gallringPage, gallringRoutes, editorPages, errorHandlerPlugin, healthRoutes, housingPages, housingRoutes, inboxRoutes,
  instanceRoutes, loginPages, newRoutinePages, pageAuthPlugin, processPages, processRoutes, processVersionPages, publishPage,
  reportPages, reportRoutes, securityHeadersPlugin, sessionPlugin, sharedStoreSyncPlugin, startPage, statisticsPage, taskPages, taskRoutes,
  viewsPlugin,
} from './web/index.js';
import { editorCatalogue } from './editor/index.js';

/** views/ and public/ sit beside src/. */
const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What tests and tools may swap; the server passes none. */
export interface AppOverrides {
  /** Service handlers instead of `defaultHandlers`. */
  handlers?: ServiceHandler<any>[];
  /** Where log lines go instead of stdout. */
  logStream?: DestinationStream;
  /** System clock only: how often due timers are polled. */
  schedulerIntervalMs?: number;
  /** Manual clock only: where time starts in an empty store (default: now). */
  manualClockStart?: Date;
}

/**
 * Builds the app with its runtime ready: every diagram in `processesDir` deployed and every stored instance
 * recovered. Throws `DefinitionError` on a bad diagram (the caller stops the boot). Close it with `app.close()`.
 */
export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Bodies are never logged; credentials and cookies are masked wherever they might appear.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[dolt]' },
      serializers: { req: serializeRequest },
      ...(overrides.logStream ? { stream: overrides.logStream } : {}),
    },
    requestTimeout: 60_000,
  });

  const localUsers = await createUserDirectory({ demo: config.demo, usersFile: usersFilePath(config.dataDir) });
  // OpenID Connect beside the passwords: the role map is checked and the provider discovered now, so a mistake stops the boot.
  const oidc = config.oidc && {
    label: config.oidc.label,
    redirectUri: config.oidc.redirectUri,
    roleMap: loadOidcRoleMap(config.oidc.rolesFile),
    client: await connectOidc(config.oidc),
    users: withOidcUsers(localUsers, oidcUsersFilePath(config.dataDir)),
  };
  const users = oidc ? oidc.users : localUsers;
  const handlers = overrides.handlers ?? defaultHandlers;
  const store = await createStore(config.store, config.dataDir);
  let runtime: RuntimeApi;
  try {
    runtime = await createRuntime({
      store,
      clockMode: config.clock,
      processesDir: config.processesDir,
      ivoConfig: await loadIvoConfig(config.ivoConfigFile),
      gallringConfig: await loadGallringConfig(config.gallringConfigFile),
      handlers,
      logger: app.log,
      users,
      ...(overrides.schedulerIntervalMs !== undefined ? { schedulerIntervalMs: overrides.schedulerIntervalMs } : {}),
      ...(overrides.manualClockStart ? { manualClockStart: overrides.manualClockStart } : {}),
    });
  } catch (error) {
    await app.close(); // createRuntime has already released the store
    throw error;
  }
  if (config.demo) {
    // Demo cases are a convenience: a diagram changed so that they no longer fit must not stop the server.
    await seedDemoHousing(runtime);
    await seedDemoCases(runtime).then(
      (seeded) => seeded && app.log.info({ seeded }, 'demoärenden skapade'),
      (error: Error) => app.log.warn({ err: error.message }, 'demoärenden kunde inte skapas'),
    );
  }

  // The JSON API takes JSON only (and the upload route XML); a text/plain body is refused with 415.
  app.removeContentTypeParser('text/plain');
  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(sharedStoreSyncPlugin, { runtime });
  await app.register(sessionPlugin, { dataDir: config.dataDir, sessionKey: config.sessionKey, cookieSecure: config.cookieSecure, signOuts: runtime });
  await app.register(csrfPlugin);
  await app.register(viewsPlugin, { viewsDir: path.join(projectRoot, 'views'), production: config.demo === false });
  await app.register(authPlugin, { users, sharedFailures: runtime.sharedSignInFailures });
  await app.register(pageAuthPlugin, { users, drafts: runtime });
  await app.register(caseAccessPlugin, { runtime });

  await app.register(processRoutes, { runtime, bpmnMaxBytes: config.bpmnMaxBytes });
  await app.register(instanceRoutes, { runtime });
  await app.register(decisionRoutes, { runtime });
  await app.register(taskRoutes, { runtime });
  await app.register(inboxRoutes, { runtime });
  await app.register(clockRoutes, { runtime });
  await app.register(housingRoutes, { runtime });
  await app.register(reportRoutes, { runtime });
  await app.register(gallringRoutes, { runtime });
  await app.register(healthRoutes);

  await app.register(assetRoutes, { publicDir: path.join(projectRoot, 'public') });
  await app.register(loginPages, { users, runtime, ...(oidc ? { oidc } : {}) });
  await app.register(startPage, { runtime });
  await app.register(taskPages, { runtime });
  await app.register(processPages, { runtime });
  await app.register(caseListPage, { runtime });
  await app.register(housingPages, { runtime });
  await app.register(reportPages, { runtime });
  await app.register(statisticsPage, { runtime });
  await app.register(caseReadAuditPlugin, { runtime });
  await app.register(casePage, { runtime });
  await app.register(auditPages, { runtime });
  await app.register(gallringPage, { runtime });
  await app.register(publishPage, { runtime, bpmnMaxBytes: config.bpmnMaxBytes });
  await app.register(editorPages, { runtime });
  await app.register(newRoutinePages, { runtime });
  await app.register(editorApiRoutes, { runtime, bpmnMaxBytes: config.bpmnMaxBytes, catalogue: editorCatalogue(handlers) });
  await app.register(processVersionPages, { runtime });

  app.addHook('onClose', async () => runtime.close());
  await app.ready();
  return app;
}

/** The request as logged: method and path without the query string (it may hold a business key). */
function serializeRequest(request: FastifyRequest) {
  return { method: request.method, path: request.url.split('?')[0], remoteAddress: request.ip };
}
