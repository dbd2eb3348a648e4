// Every page, as the person who may open it sees it, run through axe-core for WCAG 2.1 A and AA (DOS-lagen asks it of
// public-sector services), and the lists read on a 390 px phone without a column falling off the screen.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useServerAndBrowser } from './e2e-hooks.js';
import { axeViolations, signIn } from './e2e-kit.js';

describe('accessibility of every page', () => {
  const e2e = useServerAndBrowser();

  /** The first link on `listUrl` whose address matches, as a person would follow it. */
  async function firstLink(page: Page, listUrl: string, pattern: RegExp): Promise<string> {
    await page.goto(`${e2e.server.baseUrl}${listUrl}`);
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const found = hrefs.find((href) => pattern.test(href));
    if (!found) throw new Error(`no link like ${pattern} on ${listUrl}`);
    return found;
  }

  test('when each page is opened by someone who may, then axe finds no WCAG 2.1 AA violation', async () => {
    // given
    const anonymous = await e2e.browser.newPage();
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.server.baseUrl, 'admin');
    const caseUrl = await firstLink(page, '/cases', /^\/cases\/[^/?]+$/);
    const taskUrl = await firstLink(page, '/', /^\/tasks\//);
    const pages = [
      '/', '/cases', '/cases?q=demo', caseUrl, `${caseUrl}?historik=alla`, taskUrl, '/housing', '/housing/queue', '/housing/offers', '/housing/waitlist',
      '/processes', '/processes/lss-boende', '/processes/lss-boende/start', '/processes/publish', '/reports/ivo', '/reports/statistik', '/statistics',
      '/audit/access-log', '/finns-inte',
    ];
    // when
    const found: string[] = [];
    await anonymous.goto(`${e2e.server.baseUrl}/login`);
    found.push(...(await axeViolations(anonymous)).map((v) => `/login ${v}`));
    for (const url of pages) {
      await page.goto(`${e2e.server.baseUrl}${url}`);
      if (url === caseUrl) await page.waitForSelector('#case-diagram[data-state="drawn"]', { timeout: 15_000 });
      found.push(...(await axeViolations(page)).map((v) => `${url} ${v}`));
    }
    // then
    expect(found).toEqual([]);
  }, 120_000);

  test('when the editor opens, then axe finds no WCAG 2.1 AA violation', async () => {
    // given
    const page = await e2e.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await signIn(page, e2e.server.baseUrl, 'processagare');
    // when
    await page.goto(`${e2e.server.baseUrl}/processes/lss-boende/edit`);
    await page.waitForSelector('#editor[data-ready="true"]', { timeout: 15_000 });
    // then
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  test('when the task lists and the case list are read on a 390 px phone, then nothing is wider than the screen', async () => {
    // given
    const page = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, e2e.server.baseUrl, 'enhetschef');
    // when
    const widths: Record<string, number> = {};
    for (const url of ['/', '/cases']) {
      await page.goto(`${e2e.server.baseUrl}${url}`);
      widths[url] = await page.evaluate(() => document.documentElement.scrollWidth);
    }
    const due = await page.goto(`${e2e.server.baseUrl}/`).then(() => page.locator('td[data-label="Senast"]').first().boundingBox());
    // then
    expect(widths).toEqual({ '/': 390, '/cases': 390 });
    expect(due!.x + due!.width).toBeLessThanOrEqual(390);
  }, 60_000);

  test("when a field has focus, then its focus ring and every field's border stand out at least 3:1 against the white page", async () => {
    // given
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.server.baseUrl, 'admin');
    await page.goto(`${e2e.server.baseUrl}/cases`);
    // when
    await page.getByLabel('Sök ärende eller person').focus();
    const colours = await page.evaluate(() => {
      const field = document.activeElement as HTMLElement;
      const style = getComputedStyle(field);
      return { ring: style.outlineColor, border: style.borderTopColor };
    });
    // then
    expect(contrastWithWhite(colours.ring)).toBeGreaterThanOrEqual(3);
    expect(contrastWithWhite(colours.border)).toBeGreaterThanOrEqual(3);
  });
});

/** WCAG's contrast ratio of an rgb() colour against white. */
function contrastWithWhite(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}
