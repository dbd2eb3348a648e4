// The warning before the sign-in ends, in a real browser whose clock is moved forward: it shows five minutes before
// the end with "Fortsätt vara inloggad", and that button starts another working day without leaving the page.
import { describe, expect, test } from 'vitest';
import { useServerAndBrowser } from './e2e-hooks.js';
import { signIn } from './e2e-kit.js';

describe('the sign-in warning, in a real browser', () => {
  const e2e = useServerAndBrowser();

  test('when the working day is almost over, then the page warns and "Fortsätt vara inloggad" keeps the person signed in', async () => {
    // given: the page's clock runs from now; the form on it is half filled
    const page = await e2e.browser.newPage();
    await page.clock.install();
    await signIn(page, e2e.server.baseUrl, 'enhetschef');
    const warning = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
    const before = await warning.isVisible();
    // when
    await page.clock.fastForward('07:56:00');
    const shown = await warning.isVisible();
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    await page.getByRole('button', { name: 'Fortsätt vara inloggad' }).click();
    await expect.poll(() => warning.isVisible()).toBe(false);
    // then
    expect(before).toBe(false);
    expect(shown).toBe(true);
    expect(focused).toBe('Fortsätt vara inloggad');
    expect(page.url()).toBe(`${e2e.server.baseUrl}/`);
  });
});
