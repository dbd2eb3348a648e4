import { describe, expect, test } from 'vitest';
import { useServerAndBrowser } from './e2e-hooks.js';
import { signIn } from './e2e-kit.js';

describe('signing in, in a real browser', () => {
  const e2e = useServerAndBrowser();

  test('when a caseworker signs in, then the start page lists the tasks of their group and their inbox', async () => {
    // given
    const page = await e2e.browser.newPage();
    // when
    await signIn(page, e2e.server.baseUrl, 'enhetschef');
    // then
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mina uppgifter');
    expect(await page.getByRole('link', { name: 'Verkställ beställning' }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Inloggad som').textContent()).toContain('enhetschef');
  });
});
