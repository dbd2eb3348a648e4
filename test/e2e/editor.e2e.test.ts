import { describe, expect, test } from 'vitest';
import { useServerAndBrowser } from './e2e-hooks.js';
import { openEditor, signIn, waitForEditor } from './e2e-kit.js';

const key = 'korttidsvistelse-lss';

describe('a process owner changes a routine in the editor, in a real browser', () => {
  const e2e = useServerAndBrowser();

  /** The JSON API as a demo user (HTTP Basic), as an outside client would call it. */
  async function api(user: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${e2e.server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return response.json();
  }
  const startCase = (businessKey: string) =>
    api('lss-handlaggare', 'POST', `/api/processes/${key}/instances`, {
      businessKey,
      variables: { beslutsdatum: '2026-11-02', brukare: businessKey, kon: 'kvinna', antalDygn: 10, behov: 'Avlösning varannan helg.' },
    }) as Promise<{ id: string }>;
  const openTaskNames = async (instanceId: string) =>
    ((await api('admin', 'GET', `/api/tasks?instanceId=${instanceId}`)) as { name: string }[]).map((t) => t.name);

  test('when a task is renamed and a timer changed and published, then new cases start on version 2 and a running one stays on version 1', async () => {
    // given: a case already running on version 1
    const old = await startCase('E2E-GAMMAL');
    const page = await e2e.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await signIn(page, e2e.server.baseUrl, 'processagare');
    await page.goto(`${e2e.server.baseUrl}/processes/${key}`);
    await page.getByRole('link', { name: 'Redigera rutinen i webbläsaren' }).click();
    await waitForEditor(page);
    const panel = page.locator('#editor-properties');
    const status = page.locator('#editor-status');

    // when: the task is renamed
    await page.click('[data-element-id="verkstallBestallning"]');
    await panel.getByLabel('Namn', { exact: true }).fill('Verkställ beställningen i verksamhetssystemet');
    await panel.getByLabel('Namn', { exact: true }).press('Tab');
    // and the IVO timer on it becomes every second month, with its meaning shown in words
    await page.click('[data-element-id="treManaderUtanVerkstallighet"]');
    const timerValue = panel.getByLabel('Värde', { exact: true });
    await timerValue.fill('="R/" + string(date(beslutsdatum) + duration("P2M")) + "/P2M"');
    await expect.poll(() => panel.locator('.timer-words').textContent()).toBe('Betyder: 2 månader efter beslutsdatum, sedan var 2:a månad');
    await timerValue.press('Tab');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Kontrollerat: inga fel. Klart att publicera.');
    await page.getByRole('button', { name: 'Publicera som ny version' }).click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('Version 2 är publicerad');
    const fresh = await startCase('E2E-NY');

    // then: the new case runs version 2 with the new name and timer, the old one stays on version 1
    expect(await api('admin', 'GET', `/api/instances/${fresh.id}`)).toMatchObject({ version: 2, state: 'running' });
    expect(await api('admin', 'GET', `/api/instances/${old.id}`)).toMatchObject({ version: 1, state: 'running' });
    expect(await openTaskNames(fresh.id)).toEqual(['Verkställ beställningen i verksamhetssystemet']);
    expect(await openTaskNames(old.id)).toEqual(['Verkställ beställning']);
    const v2 = await (await page.request.get(`${e2e.server.baseUrl}/processes/${key}/versions/2.bpmn`)).text();
    expect(v2).toContain('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">="R/" + string(date(beslutsdatum) + duration("P2M")) + "/P2M"</bpmn:timeCycle>');
    // the old case's page, as its handläggare reads it (the process owner has no part in cases), draws version 1
    const caseworker = await e2e.browser.newPage();
    await signIn(caseworker, e2e.server.baseUrl, 'lss-handlaggare');
    await caseworker.goto(`${e2e.server.baseUrl}/cases/${old.id}`);
    await caseworker.waitForSelector('#case-diagram[data-state="drawn"]', { timeout: 15_000 });
    expect(await caseworker.locator('#case-diagram [data-element-id="verkstallBestallning"]').textContent()).toBe('Verkställ beställning');
    expect((await api('admin', 'GET', `/api/processes/${key}`)).versions).toEqual([
      expect.objectContaining({ version: 1, deployedBy: 'system' }),
      expect.objectContaining({ version: 2, deployedBy: 'processagare' }),
    ]);
  });

  test('when a lane gives its tasks a role, then Ångra takes it back in one step; when a task loses its role, then the error shows at the task and publishing waits', async () => {
    // given
    const page = await openEditor(e2e.browser, e2e.server.baseUrl, key);
    const panel = page.locator('#editor-properties');
    const rolesOf = async (taskId: string) => {
      await page.click(`[data-element-id="${taskId}"]`);
      return [await panel.getByLabel('Enhetschef', { exact: true }).isChecked(), await panel.getByLabel('Utförare', { exact: true }).isChecked()];
    };

    // when: the lane of the utförare gives both its user tasks the role utförare, and that is taken back
    await page.click('[data-element-id="laneUtforare"]', { position: { x: 15, y: 60 } });
    await panel.getByLabel('Roll', { exact: true }).selectOption('utforare');
    await panel.getByRole('button', { name: 'Ge banans användaruppgifter rollen' }).click();
    const given = [await rolesOf('verkstallBestallning'), await rolesOf('avslutaVerkstallighet')];
    await page.getByRole('button', { name: 'Ångra' }).click();
    const undone = [await rolesOf('verkstallBestallning'), await rolesOf('avslutaVerkstallighet')];
    await expect.poll(() => page.locator('#editor-status').textContent(), { timeout: 15_000 }).toBe('Kontrollerat: inga fel. Inga ändringar att publicera än.');
    const publishableWhenUndone = await page.getByRole('button', { name: 'Publicera som ny version' }).isEnabled();
    // and a task's only role is removed
    await page.click('[data-element-id="verkstallBestallning"]');
    await panel.getByLabel('Enhetschef', { exact: true }).uncheck();

    // then: [enhetschef, utförare] checked per task
    expect(given).toEqual([[false, true], [false, true]]);
    expect(undone).toEqual([[true, false], [true, false]]);
    expect(publishableWhenUndone).toBe(false);
    await expect.poll(() => page.locator('#editor-status').textContent(), { timeout: 15_000 }).toBe('1 fel att rätta före publicering.');
    expect(await page.locator('.djs-overlay .check-marker.is-error').textContent()).toBe('1 fel');
    expect(await page.locator('#editor-checks-list').textContent()).toContain('Användaruppgiften säger inte vem som utför den.');
    expect(await page.getByRole('button', { name: 'Publicera som ny version' }).isDisabled()).toBe(true);
  });

  test('when a task is appended on the canvas, then one click makes it a user task, and the check asks for its role', async () => {
    // given
    const page = await openEditor(e2e.browser, e2e.server.baseUrl, key);
    const panel = page.locator('#editor-properties');
    // when: bpmn-js appends a plain task and opens its label for typing; the first click in the panel must still count
    await page.click('[data-element-id="registreraVerkstallighet"]');
    await page.click('.djs-context-pad .entry[data-action="append.append-task"]');
    const offered = await panel.textContent();
    await panel.getByRole('button', { name: /^Användaruppgift/ }).click();
    // then
    expect(offered).toContain('En uppgift utan typ gör ingenting när ärendet når den.');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Användaruppgift');
    await expect.poll(() => page.locator('#editor-checks-list').textContent(), { timeout: 15_000 }).toContain('Användaruppgiften säger inte vem som utför den.');
  });

  test('when the process owner works from the keyboard only, then an element is picked from the list, selected on the canvas and renamed in the panel', async () => {
    // given
    const page = await openEditor(e2e.browser, e2e.server.baseUrl, key);
    const panel = page.locator('#editor-properties');
    // when: the list takes focus like any field, and choosing in it is what the arrow keys and Enter do
    const picker = page.getByLabel('Gå till element');
    await picker.focus();
    const option = await picker.locator('option', { hasText: 'Uppgift: Verkställ beställning' }).getAttribute('value');
    await picker.selectOption(option!);
    const selected = await page.locator('.djs-element.selected').getAttribute('data-element-id');
    await panel.getByLabel('Namn', { exact: true }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Verkställ beställningen');
    await page.keyboard.press('Tab');
    // then
    expect(selected).toBe('verkstallBestallning');
    await expect.poll(() => page.locator('[data-element-id="verkstallBestallning"]').textContent()).toContain('Verkställ beställningen');
    expect(await picker.locator('option', { hasText: 'Uppgift: Verkställ beställningen' }).count()).toBe(1);
  });

  test('when the process owner makes a new routine from a blank diagram, then the editor opens on it and publishes version 1', async () => {
    // given
    const page = await e2e.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await signIn(page, e2e.server.baseUrl, 'processagare');
    await page.goto(`${e2e.server.baseUrl}/processes`);
    await page.getByRole('link', { name: 'Ny rutin' }).click();
    // when
    await page.getByLabel('Rutinens namn').fill('Uppföljning av boendestöd');
    await page.getByRole('button', { name: 'Öppna redigeraren' }).click();
    await waitForEditor(page);
    const status = page.locator('#editor-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Kontrollerat: inga fel. Klart att publicera.');
    await page.getByRole('button', { name: 'Publicera som ny version' }).click();
    // then
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('Version 1 är publicerad');
    expect(await api('admin', 'GET', '/api/processes/uppfoljning-av-boendestod')).toMatchObject({ key: 'uppfoljning-av-boendestod', name: 'Uppföljning av boendestöd', version: 1 });
    await page.close();
  });
});
