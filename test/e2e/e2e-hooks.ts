// The server and browser of one end-to-end test file, started before its tests and closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startServer, type E2eServer } from './e2e-kit.js';

/** Registers the server and browser for a test file (started once, closed after all its tests). */
export function useServerAndBrowser(): { server: E2eServer; browser: Browser } {
  const held = {} as { server: E2eServer; browser: Browser };
  beforeAll(async () => {
    held.server = await startServer();
    held.browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await held.browser?.close();
    await held.server?.stop();
  });
  return held;
}
