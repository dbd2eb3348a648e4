import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, signIn, startServer, type E2eServer } from './e2e-kit.js';

describe('signing in, in a real browser', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('when a caseworker signs in, then the start page lists the tasks of their group and their inbox', async () => {
    // given
    const page = await browser.newPage();
    // when
    await signIn(page, server.baseUrl, 'enhetschef');
    // then
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mina uppgifter');
    expect(await page.getByRole('link', { name: 'Verkställ beställning' }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Inloggad som').textContent()).toContain('enhetschef');
  });
});
