// Issue 12's yardstick: an LSS case taken from the order to the move-in in the browser, each step by the role it
// belongs to, from that person's own start page, picking what people recognise (the arbetsterapeut by name, the
// apartment by unit and number) and never typing or seeing an internal id.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useServerAndBrowser } from './e2e-hooks.js';
import { signIn } from './e2e-kit.js';

/** What the person chooses where the routine branches or a register is picked from; everything else takes its first choice. */
const choices: Record<string, RegExp> = {
  kon: /^Kvinna$/,
  ansvarigArbetsterapeut: /^Arbetsterapeut \(demo\)/,
  placering: /^Behovet kan tillgodoses på ett av kommunens egna boenden$/,
  apartmentId: /^Servicebostad Lindgården 12 /,
  svar: /^Ja, tackar ja$/,
};

describe('an LSS case from order to move-in, in a real browser', () => {
  const e2e = useServerAndBrowser();

  async function api(path: string) {
    const response = await fetch(`${e2e.server.baseUrl}${path}`, { headers: { authorization: `Basic ${Buffer.from('admin:demo').toString('base64')}` } });
    return response.json();
  }

  /** Fills every open field of the form as a person would: today for dates, a short text, the chosen or first choice. */
  async function fill(page: Page, form: string, today: string): Promise<string[]> {
    const labels: string[] = [];
    for (const field of await page.locator(`${form} .field`).all()) {
      const label = ((await field.locator('label, legend').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
      labels.push(label);
      const radios = field.locator('input[type="radio"]:not([disabled])');
      if (await radios.count()) {
        const name = (await radios.first().getAttribute('name'))!;
        const texts = (await field.locator('label.choice').allTextContents()).map((t) => t.trim());
        const index = choices[name] ? texts.findIndex((t) => choices[name]!.test(t)) : 0;
        if (index < 0) throw new Error(`${label} offers no "${choices[name]}": ${texts.join(' | ')}`);
        await radios.nth(index).check();
        continue;
      }
      const select = field.locator('select:not([disabled])');
      if (await select.count()) {
        const name = (await select.getAttribute('name'))!;
        const options = (await select.locator('option').allTextContents()).filter((o) => o !== 'Välj …');
        const pick = choices[name] ? options.find((o) => choices[name]!.test(o)) : options[0];
        if (!pick) throw new Error(`${label} offers no "${choices[name]}": ${options.join(' | ')}`);
        await select.selectOption({ label: pick });
        continue;
      }
      const input = field.locator('input:not([readonly]):not([disabled]):not([type="checkbox"]):not([type="search"]), textarea:not([readonly]):not([disabled])').first();
      if (!(await input.count())) continue;
      const type = await input.getAttribute('type');
      if (type === 'date') await input.fill(today);
      else if (type === 'number') await input.fill('1');
      else await input.fill('Genomfört enligt rutinen.');
    }
    return labels;
  }

  test('when each role does its step from its own start page, then the decision is executed on the move-in day and no form asked for an id', async () => {
    const base = e2e.server.baseUrl;
    const today = ((await api('/api/clock')) as { now: string }).now.slice(0, 10);
    const pages = new Map<string, Page>();
    const as = async (role: string) => {
      if (!pages.has(role)) {
        const page = await e2e.browser.newPage();
        await signIn(page, base, role);
        pages.set(role, page);
      }
      return pages.get(role)!;
    };
    const labels: string[] = [];

    // given: the LSS-handläggare starts the case from the routine's start form
    const handlaggare = await as('lss-handlaggare');
    await handlaggare.goto(`${base}/processes/lss-boende/start`);
    labels.push(...(await fill(handlaggare, 'form.stacked-form', today)));
    await handlaggare.getByLabel('Ärendenummer').fill('E2E-LSS-1');
    await handlaggare.getByLabel(/^Brukare/).fill('Eva Exempel');
    await handlaggare.getByRole('button', { name: 'Starta ärendet' }).click();
    await handlaggare.waitForURL(/\/cases\//);
    const [found] = (await api('/api/instances?q=E2E-LSS-1')) as { id: string }[];

    // when: each open step is done by the first role it is for, found on that person's start page
    const steps: string[] = [];
    for (let round = 0; round < 30; round++) {
      const open = (await api(`/api/tasks?instanceId=${found!.id}`)) as { name: string; candidateGroups: string[]; assignee: string | null }[];
      if (!open.length) break;
      const task = open[0]!;
      const page = await as(task.assignee ?? task.candidateGroups[0]!);
      await page.goto(`${base}/`);
      await page.locator('tr', { hasText: 'E2E-LSS-1' }).filter({ hasText: task.name }).getByRole('link', { name: task.name }).first().click();
      labels.push(...(await fill(page, 'form[action$="/complete"]', today)));
      await page.getByRole('button', { name: 'Slutför', exact: true }).click();
      await page.waitForURL(`${base}/`);
      steps.push(task.name);
    }

    // then
    const decisions = (await api('/api/decisions?processKey=lss-boende')) as { instanceId: string; status: string; verkstalltDatum: string | null }[];
    expect(decisions.find((d) => d.instanceId === found!.id)).toMatchObject({ status: 'verkstallt', verkstalltDatum: today });
    expect(steps).toContain('Matcha ledig bostad mot kundens behov');
    expect(steps.at(-1)).toBe('Öppna verkställighet när kunden har flyttat in');
    expect(labels.filter((l) => /\bid\b|användarnamn/i.test(l))).toEqual([]);
    const apartment = ((await api('/api/housing/apartments')) as { id: string; status: string }[]).find((a) => a.id === 'lindgarden-12');
    expect(apartment?.status).toBe('uthyrd');
  }, 180_000);
});
