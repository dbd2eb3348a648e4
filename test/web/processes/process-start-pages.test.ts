import { afterEach, describe, expect, test } from 'vitest';
import { fieldMessages } from '../../../src/forms/index.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, postForm, signIn } from '../page-session.js';

async function cases(t: TestApp) {
  return (await t.call('admin', { method: 'GET', url: '/api/instances' })).json() as { id: string; businessKey: string | null }[];
}

describe('start a case page', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a role allowed to start the process opens the page, then it shows the case number and the start form', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const page = await getPage(t, session, '/processes/web-beslut/start');
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Starta ärende: Beslut att besvara</h1>');
    expect(page.body).toContain('<form method="post" action="/processes/web-beslut/start" class="stacked-form" novalidate>');
    expect(page.body).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);
    expect(page.body).toMatch(/<label for="field-businessKey">Ärendenummer<\/label>\s*<p class="hint" id="field-businessKey-hint">[^<]*Skriv inte personnummer\.<\/p>/);
    expect(page.body).toMatch(/<input type="text" id="field-businessKey" name="businessKey" value="" maxlength="200"/);
    expect(page.body).toMatch(/<label for="field-beslutsdatum">Beslutsdatum <span class="required-mark"/);
    expect(page.body).toMatch(/<input type="date" id="field-beslutsdatum" name="beslutsdatum" value="" required/);
    expect(page.body).toMatch(/<input type="number" id="field-antal" name="antal" value="" min="1"/);
  });

  test('when the start form is valid, then the case starts with the typed values and the answer goes to its page', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const started = await postForm(t, session, '/processes/web-beslut/start', { businessKey: ' LSS-2027-14 ', beslutsdatum: '2027-01-31', antal: '2' });
    // then
    expect(started.statusCode).toBe(303);
    const [only] = await cases(t);
    expect(started.headers.location).toBe(`/cases/${only!.id}`);
    const instance = (await t.call('admin', { method: 'GET', url: `/api/instances/${only!.id}` })).json();
    expect(instance).toMatchObject({ businessKey: 'LSS-2027-14', processKey: 'web-beslut', variables: { beslutsdatum: '2027-01-31', antal: 2 } });
    expect(instance.variables).not.toHaveProperty('businessKey');
  });

  test('when the start form is invalid, then it comes back with status 400, the values kept, a message per field and no case', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const page = await postForm(t, session, '/processes/web-beslut/start', { businessKey: 'LSS-2027-15', beslutsdatum: '', antal: '0' });
    // then
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<title>Fel: Starta Beslut att besvara – Boendekoordination</title>');
    expect(page.body).toContain(`<a href="#field-beslutsdatum">Beslutsdatum: ${fieldMessages.required}</a>`);
    expect(page.body).toContain(`<a href="#field-antal">Antal rum: ${fieldMessages.min(1)}</a>`);
    expect(page.body).toContain(`id="field-beslutsdatum-error"><span class="visually-hidden">Fel: </span>${fieldMessages.required}</p>`);
    expect(page.body).toContain(`id="field-antal-error"><span class="visually-hidden">Fel: </span>${fieldMessages.min(1)}</p>`);
    expect(page.body).toContain('name="businessKey" value="LSS-2027-15"');
    expect(page.body).toContain('name="antal" value="0"');
    expect(await cases(t)).toEqual([]);
  });

  test('when a role outside the starter groups or the auditor opens or posts the start form, then it is refused with 403 and nothing starts', async () => {
    // given
    t = await startTestApp();
    const outsider = await signIn(t, 'enhetschef');
    const auditor = await signIn(t, 'revisor');
    const valid = { beslutsdatum: '2027-01-31' };
    // when
    const answers = [
      await getPage(t, outsider, '/processes/web-beslut/start'),
      await postForm(t, outsider, '/processes/web-beslut/start', valid),
      await getPage(t, auditor, '/processes/web-beslut/start'),
      await postForm(t, auditor, '/processes/web-beslut/start', { antal: 'inte ett tal' }),
    ];
    // then
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403, 403]);
    expect(answers[0]!.body).toContain('Din roll får inte starta den här processen.');
    expect(answers[3]!.body).not.toContain(fieldMessages.long);
    expect(await cases(t)).toEqual([]);
  });

  test('when the process does not exist, then the page answers 404', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'admin');
    // when
    const page = await getPage(t, session, '/processes/finns-inte/start');
    // then
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Processen finns-inte finns inte.');
  });

  test('when a script tag is typed as the case number, then the form shows it as text', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const page = await postForm(t, session, '/processes/web-beslut/start', { businessKey: '<script>alert(1)</script>' });
    // then
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('name="businessKey" value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page.body).not.toContain('<script>alert(1)</script>');
  });
});
