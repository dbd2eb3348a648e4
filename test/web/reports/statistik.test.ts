import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn } from '../page-session.js';

/** The real korttidsvistelse diagram deployed, and one order per entry started by the handläggare; their case ids. */
async function korttidsvistelser(t: TestApp, orders: { businessKey: string; beslutsdatum: string; kon: 'kvinna' | 'man' }[]): Promise<string[]> {
  const xml = await readFile(new URL('../../../processes/korttidsvistelse-lss.bpmn', import.meta.url), 'utf8');
  await t.call('processagare', { method: 'POST', url: '/api/processes', headers: { 'content-type': 'application/xml' }, payload: xml });
  const ids: string[] = [];
  for (const { businessKey, beslutsdatum, kon } of orders) {
    const variables = { beslutsdatum, brukare: `Brukare-${businessKey}`, kon, antalDygn: 8, behov: 'Avlösning varannan helg.' };
    const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/korttidsvistelse-lss/instances', payload: { businessKey, variables } });
    if (started.statusCode !== 201) throw new Error(`start failed: ${started.body}`);
    ids.push(started.json().id);
  }
  return ids;
}

// Three orders not executed: each passes its 3 months within 2027Q1; days are counted to 2027-03-31.
const orders = [
  { businessKey: 'KTV-1', beslutsdatum: '2026-10-01', kon: 'kvinna' }, // 181 days
  { businessKey: 'KTV-2', beslutsdatum: '2026-11-15', kon: 'kvinna' }, // 136 days
  { businessKey: 'KTV-3', beslutsdatum: '2026-12-01', kon: 'man' }, // 120 days
] as const;
const insats = 'Korttidsvistelse utanför det egna hemmet, 9 § 6 LSS';

/** The address of the page's CSV link as a browser reads it (Handlebars writes = and & as entities). */
function csvLink(html: string): string {
  const href = /<a href="([^"]+)">Ladda ner som CSV<\/a>/.exec(html)?.[1] ?? '';
  return href.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
}

describe('quarterly statistics API', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when the revisor asks for a quarter, then each law, insats and kön comes with its count, median and max days, and no person', async () => {
    // given
    t = await startTestApp();
    const ids = await korttidsvistelser(t, [...orders]);
    // when
    const response = await t.call('revisor', { method: 'GET', url: '/api/reports/statistik?quarter=2027Q1' });
    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      quarter: '2027Q1',
      rows: [
        { law: 'LSS', insats, kon: 'kvinna', antal: 2, dagarSedanBeslut: { median: 158, max: 181 } },
        { law: 'LSS', insats, kon: 'man', antal: 1, dagarSedanBeslut: { median: 120, max: 120 } },
      ],
    });
    for (const secret of [...ids, 'KTV-', 'Brukare-', '2026-']) expect(response.body).not.toContain(secret);
  });

  test('when the ivo-rapportor asks for CSV by format or by Accept, then the same rows come semicolon-separated with Swedish headers', async () => {
    // given
    t = await startTestApp();
    await korttidsvistelser(t, [...orders]);
    // when
    const byFormat = await t.call('ivo-rapportor', { method: 'GET', url: '/api/reports/statistik?quarter=2027Q1&format=csv' });
    const byAccept = await t.call('ivo-rapportor', { method: 'GET', url: '/api/reports/statistik?quarter=2027Q1', headers: { accept: 'text/csv' } });
    // then
    expect(byFormat.statusCode).toBe(200);
    expect(byFormat.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(byFormat.headers['content-disposition']).toBe('attachment; filename="kvartalsstatistik-ej-verkstallda-2027Q1.csv"');
    expect(byFormat.body.replace('\ufeff', '').trim().split('\n')).toEqual([
      'Lag;Insats;Kön;Antal beslut;Dagar sedan beslut (median);Dagar sedan beslut (max)',
      `LSS;${insats};kvinna;2;158;181`,
      `LSS;${insats};man;1;120;120`,
    ]);
    expect(byAccept.body).toBe(byFormat.body);
  });

  test('when the quarter is missing or not a quarter, then 400 answers with the Swedish message', async () => {
    // given
    t = await startTestApp();
    // when
    const bad = await t.call('revisor', { method: 'GET', url: '/api/reports/statistik?quarter=2027-2' });
    const missing = await t.call('revisor', { method: 'GET', url: '/api/reports/statistik' });
    // then
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_request', message: 'Ange kvartalet som ÅÅÅÅQn, till exempel 2027Q1.' });
    expect(missing.statusCode).toBe(400);
  });

  test('when a quarter has no decision past its 3 months, then the rows are empty', async () => {
    // given
    t = await startTestApp();
    await korttidsvistelser(t, [...orders]);
    // when
    const response = await t.call('ivo-rapportor', { method: 'GET', url: '/api/reports/statistik?quarter=2026Q4' });
    // then
    expect(response.json()).toEqual({ quarter: '2026Q4', rows: [] });
  });

  test('when a role outside the statistics readers asks, then 403 answers', async () => {
    // given
    t = await startTestApp();
    // when
    const response = await t.call('enhetschef', { method: 'GET', url: '/api/reports/statistik?quarter=2027Q1' });
    // then
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('forbidden');
  });
});

describe('quarterly statistics page', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when the revisor picks a quarter, then the table shows the groups without persons, with the CSV link and the menu item', async () => {
    // given
    t = await startTestApp();
    await korttidsvistelser(t, [...orders]);
    const session = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, session, '/reports/statistik?quarter=2027Q1');
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="2027Q1" selected>Kvartal 1 2027</option>');
    expect(page.body).toContain('avidentifierad – inga namn eller datum för personer');
    expect(page.body).toContain('<a href="/reports/statistik" aria-current="page">Kvartalsstatistik</a>');
    expect(page.body).toContain('Ej verkställda beslut Kvartal 1 2027: 3 st');
    const rows = [...page.body.matchAll(/<tr>\s*<td>([\s\S]*?)<\/tr>/g)].map((m) => m[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([`LSS ${insats} kvinna 2 158 181`, `LSS ${insats} man 1 120 120`]);
    expect(page.body).not.toMatch(/KTV-|Brukare-|\/cases\//);
    expect(csvLink(page.body)).toBe('/api/reports/statistik?quarter=2027Q1&format=csv');
  });

  test('when no quarter is asked for, then the current quarter by the clock is shown, empty here', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'ivo-rapportor');
    // when
    const page = await getPage(t, session, '/reports/statistik');
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="2027Q1" selected>');
    expect(page.body).toContain('Inga ej verkställda beslut för Kvartal 1 2027.');
  });

  test('when the quarter is not a quarter, then the page answers 400 with the message beside the picker and no CSV link', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'ivo-rapportor');
    // when
    const page = await getPage(t, session, '/reports/statistik?quarter=2027-1');
    // then
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<p id="quarter-error" class="field-error">Ange kvartalet som ÅÅÅÅQn, till exempel 2027Q1.</p>');
    expect(page.body).not.toContain('Ladda ner som CSV');
  });

  test('when a role outside the statistics readers opens the page, then a 403 page answers and the menu has no link to it', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, '/reports/statistik?quarter=2027Q1');
    const start = await getPage(t, session, '/');
    // then
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Du har inte behörighet');
    expect(start.body).not.toContain('Kvartalsstatistik');
  });
});
