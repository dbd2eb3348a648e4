// The editor in a real browser with diagrams from other modelers (Operaton, Camunda 8): their values show in the
// panel, an edit is published in our camunda: spelling; the palette offers what runs and the panel's structure fields.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useServerAndBrowser } from './e2e-hooks.js';
import { openEditor } from './e2e-kit.js';

const modelers = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'processes', 'modelers');

describe('the editor with diagrams from other modelers, in a real browser', () => {
  const e2e = useServerAndBrowser();

  /** Publishes a fixture as the process owner would upload it. */
  async function upload(file: string): Promise<void> {
    const response = await fetch(`${e2e.server.baseUrl}/api/processes`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('processagare:demo').toString('base64')}`, 'content-type': 'application/xml' },
      body: await readFile(path.join(modelers, file), 'utf8'),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }
  const versionXml = async (key: string, version: number) => (await fetch(`${e2e.server.baseUrl}/api/processes/${key}/versions/${version}/bpmn`, {
    headers: { authorization: `Basic ${Buffer.from('processagare:demo').toString('base64')}` },
  })).text();
  async function publish(page: Page): Promise<void> {
    const status = page.locator('#editor-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Kontrollerat: inga fel. Klart att publicera.');
    await page.getByRole('button', { name: 'Publicera som ny version' }).click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('Version 2 är publicerad');
  }

  test('when an Operaton diagram is opened, then its role and due date show, and a changed due date is published as camunda:', async () => {
    // given
    await upload('operaton-uppfoljning.bpmn');
    const page = await openEditor(e2e.browser, e2e.server.baseUrl, 'operaton-uppfoljning');
    const panel = page.locator('#editor-properties');
    // when
    await page.click('[data-element-id="folj"]');
    const shown = [await panel.getByLabel('Enhetschef', { exact: true }).isChecked(), await panel.getByLabel('Förfallodatum').inputValue(), await panel.getByLabel('Id (variabelns namn)').inputValue()];
    await panel.getByLabel('Förfallodatum').fill('P21D');
    await panel.getByLabel('Förfallodatum').press('Tab');
    await publish(page);
    // then
    expect(shown).toEqual([true, 'P14D', 'anteckning']);
    expect(await page.locator('#editor-spelling-note').textContent()).toContain('Diagrammet är ritat med operaton: (Operaton Modeler).');
    const v2 = await versionXml('operaton-uppfoljning', 2);
    expect(v2).toMatch(/<bpmn:userTask id="folj" name="Följ upp insatsen" camunda:candidateGroups="enhetschef" camunda:dueDate="P21D">/);
    expect(v2).toContain('<camunda:formField id="anteckning"');
    expect(v2).not.toContain('operaton:dueDate');
  });

  test('when a Camunda 8 diagram is opened, then its zeebe role, due date and task headers show, and what is edited is published as camunda: in place of zeebe:', async () => {
    // given
    await upload('zeebe-uppfoljning.bpmn');
    const page = await openEditor(e2e.browser, e2e.server.baseUrl, 'zeebe-uppfoljning');
    const panel = page.locator('#editor-properties');
    // when
    await page.click('[data-element-id="folj"]');
    const shown = [await panel.getByLabel('Enhetschef', { exact: true }).isChecked(), await panel.getByLabel('Förfallodatum').inputValue()];
    await panel.getByLabel('Utförare', { exact: true }).check();
    // and the service task's zeebe headers show as its fields; one is changed
    await page.click('[data-element-id="berakna"]');
    const fields = panel.locator('input[type="text"]');
    const headerValues = await fields.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const days = fields.nth(headerValues.indexOf('30'));
    await days.fill('45');
    await days.press('Tab');
    await publish(page);
    // then
    expect(shown).toEqual([true, 'P7D']);
    const v2 = await versionXml('zeebe-uppfoljning', 2);
    expect(v2).toContain('camunda:candidateGroups="enhetschef,utforare"');
    expect(v2).not.toContain('zeebe:assignmentDefinition');
    expect(v2).toContain('<zeebe:taskSchedule dueDate="P7D" />');
    expect(headerValues).toEqual(expect.arrayContaining(['2027-01-10', '30', 'nastaUppfoljning']));
    expect(v2).toContain('<camunda:property name="calendarDays" value="45" />');
    expect(v2).toContain('<camunda:property name="variable" value="nastaUppfoljning" />');
    expect(v2).not.toContain('zeebe:taskHeaders');
  });

  test('when the palette and a task\'s replace menu are opened, then they offer sub-processes and call activities and not scripts; a call activity chooses its routine and a user task its list', async () => {
    // given
    const page = await openEditor(e2e.browser, e2e.server.baseUrl, 'korttidsvistelse-lss');
    const panel = page.locator('#editor-properties');
    const palette = async (action: string) => page.locator(`.djs-palette .entry[data-action="${action}"]`).count();
    // when
    const offered = [await palette('create.subprocess-expanded'), await palette('create.event-subprocess'), await palette('create.call-activity'), await palette('create.data-store')];
    await page.click('[data-element-id="verkstallBestallning"]');
    await page.click('.djs-context-pad .entry[data-action="replace"]');
    const menu = page.locator('.djs-popup');
    const replaceWith = [await menu.locator('[data-id="replace-with-call-activity"]').count(), await menu.locator('[data-id="replace-with-script-task"]').count(), await menu.locator('[data-id="toggle-loop"]').count()];
    await page.keyboard.press('Escape');
    // and the user task becomes one per item of a list
    await panel.getByLabel('Gör uppgiften en gång för varje post i en lista').check();
    await panel.getByLabel('Lista', { exact: true }).fill('barnen');
    const checked = page.waitForRequest((r) => r.url().includes('/api/editor/check') && (r.postData() ?? '').includes('camunda:collection'), { timeout: 15_000 });
    await panel.getByLabel('Lista', { exact: true }).press('Tab');
    const sent = (await checked).postData() ?? '';
    // and a task elsewhere becomes a call activity
    await page.click('[data-element-id="registreraVerkstallighet"]');
    await page.click('.djs-context-pad .entry[data-action="replace"]');
    // the menu reaches below the window here; its search is how a keyboard user picks anyway
    await page.keyboard.type('Call activity');
    await page.keyboard.press('Enter');
    const routines = await panel.getByLabel('Anropad rutin').locator('option').allTextContents();
    // and an event sub-process is drawn from the palette, below the lanes
    await page.click('.djs-palette .entry[data-action="create.event-subprocess"]');
    const canvas = (await page.locator('#editor-canvas').boundingBox())!;
    await page.mouse.click(canvas.x + canvas.width * 0.55, canvas.y + canvas.height - 40);
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Händelsestyrd delprocess');
    // then
    expect(offered).toEqual([1, 1, 1, 0]);
    expect(replaceWith).toEqual([1, 0, 0]);
    expect(sent).toMatch(/<bpmn:multiInstanceLoopCharacteristics camunda:collection="=barnen" camunda:elementVariable="post" \/>|<bpmn:multiInstanceLoopCharacteristics camunda:elementVariable="post" camunda:collection="=barnen" \/>/);
    expect(routines[0]).toBe('— Välj rutin —');
    expect(routines.some((name) => name.endsWith('(korttidsvistelse-lss)'))).toBe(false);
    expect(routines.length).toBeGreaterThan(1);
  }, 60_000);
});
