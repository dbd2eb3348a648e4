import { describe, expect, test } from 'vitest';
import { fieldMessages } from '../../src/forms/index.js';
import { useServerAndBrowser } from './e2e-hooks.js';
import { signIn } from './e2e-kit.js';

describe('a caseworker and an auditor, in a real browser', () => {
  const e2e = useServerAndBrowser();

  test('when the enhetschef completes a task, first without the required date, then the message shows, Enter in a field does not complete it, and the button does', async () => {
    // given
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.server.baseUrl, 'enhetschef');
    await page.getByRole('link', { name: 'Verkställ beställning' }).first().click();
    const taskUrl = page.url();
    // when
    await page.getByRole('button', { name: 'Slutför', exact: true }).click();
    const messages = await page.locator('.field-error').allTextContents();
    await page.getByLabel(/Verkställd från och med/).fill('2026-11-20');
    await page.getByLabel(/Verkställd från och med/).press('Enter');
    await page.waitForTimeout(500);
    const afterEnter = page.url();
    await page.getByRole('button', { name: 'Slutför', exact: true }).click();
    await page.waitForURL(`${e2e.server.baseUrl}/`);
    // then
    expect(messages.join(' ')).toContain(fieldMessages.required);
    expect(afterEnter).not.toBe(`${e2e.server.baseUrl}/`);
    expect(await page.getByRole('status').textContent()).toContain('Verkställ beställning');
    const again = await page.goto(taskUrl);
    expect(again?.status()).toBe(409);
  });

  test('when the case page opens, then bpmn-js draws the diagram with the path done and where the case is now', async () => {
    // given
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.server.baseUrl, 'enhetschef');
    await page.goto(`${e2e.server.baseUrl}/cases`);
    // when
    await page.getByRole('link', { name: 'DEMO-KTV-1' }).click();
    await page.waitForSelector('#case-diagram[data-state="drawn"]', { timeout: 15_000 });
    // then
    expect(await page.locator('#case-diagram .djs-element').count()).toBeGreaterThan(10);
    expect(await page.locator('#case-diagram .djs-element.case-current').count()).toBeGreaterThan(0);
    expect(await page.locator('#case-diagram .djs-element.case-done').count()).toBeGreaterThan(0);
  });

  test('when the auditor signs in, then they read a case history and cannot change anything', async () => {
    // given
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.server.baseUrl, 'revisor');
    await page.goto(`${e2e.server.baseUrl}/cases`);
    // when
    await page.getByRole('link', { name: 'DEMO-KTV-2' }).click();
    const history = await page.locator('#historik ~ ol.timeline').textContent();
    const log = await page.goto(`${e2e.server.baseUrl}/audit/access-log`);
    const logText = await page.locator('main').textContent();
    // then
    expect(history).toMatch(/startades/);
    expect(log?.status()).toBe(200);
    expect(logText).toContain('revisor');
    expect(await page.getByRole('button', { name: 'Slutför' }).count()).toBe(0);
  });
});
