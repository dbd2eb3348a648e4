// Starts the server: reads the configuration, builds the app, listens, and shuts down cleanly on a signal.
import './zod-jitless.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DefinitionError, formatProblem } from './errors.js';

/** How long a graceful shutdown may take before the process gives up and exits. */
const shutdownGraceMs = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  handleSignals(app);
  await app.listen({ port: config.port, host: config.host });
}

/** Says for a person why the boot stopped: a bad setting or a bad diagram by name, anything else as is. */
function reportBootError(error: unknown): void {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof DefinitionError) {
    console.error('Servern startar inte: processdiagrammen har fel.');
    for (const problem of error.problems) console.error(`  ${formatProblem(problem)}`);
  } else {
    console.error('Servern kunde inte starta:', error);
  }
}

/** SIGINT/SIGTERM: stop taking requests, let the runtime finish and close the store; a second signal kills. */
function handleSignals(app: FastifyInstance): void {
  const shutdown = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'servern stängs');
    setTimeout(() => process.exit(1), shutdownGraceMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'servern kunde inte stängas rent');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  reportBootError(error);
  process.exit(1);
});
