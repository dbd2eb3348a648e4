import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { quarterBefore, quarterOf, recentQuarters } from '../../../src/web/shared/report-quarters.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn } from '../page-session.js';

/** The real korttidsvistelse diagram deployed, and one order decided on `beslutsdatum` started by the handläggare. */
async function korttidsvistelse(t: TestApp, businessKey: string, beslutsdatum: string): Promise<string> {
  const xml = await readFile(new URL('../../../processes/korttidsvistelse-lss.bpmn', import.meta.url), 'utf8');
  await t.call('processagare', { method: 'POST', url: '/api/processes', headers: { 'content-type': 'application/xml' }, payload: xml });
  const variables = { beslutsdatum, brukare: 'Brukare-17', kon: 'kvinna', antalDygn: 8, behov: 'Avlösning varannan helg.' };
  const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/korttidsvistelse-lss/instances', payload: { businessKey, variables } });
  if (started.statusCode !== 201) throw new Error(`start failed: ${started.body}`);
  return started.json().id;
}

/** The address of the page's CSV link as a browser reads it (Handlebars writes = and & as entities). */
function csvLink(html: string): string {
  const href = /<a href="([^"]+)">Ladda ner som CSV<\/a>/.exec(html)?.[1] ?? '';
  return href.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
}

describe('quarters of the report pages', () => {
  test('when a day is given, then its quarter and the recent ones are named across a year boundary', () => {
    // given
    const today = '2027-02-15';
    // when
    const recent = recentQuarters(today, 6);
    // then
    expect(quarterOf(today)).toBe('2027Q1');
    expect(quarterOf('2026-12-31')).toBe('2026Q4');
    expect(quarterBefore('2027Q1', 5)).toBe('2025Q4');
    expect(recent).toEqual(['2027Q1', '2026Q4', '2026Q3', '2026Q2', '2026Q1', '2025Q4']);
  });
});

describe('IVO report page', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when the ivo-rapportor picks a quarter, then its window and rows show with links to the cases and to the CSV', async () => {
    // given
    t = await startTestApp();
    const id = await korttidsvistelse(t, 'KTV-9', '2026-10-01');
    const session = await signIn(t, 'ivo-rapportor');
    // when
    const page = await getPage(t, session, '/reports/ivo?quarter=2027Q1');
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="2027Q1" selected>Kvartal 1 2027</option>');
    expect(page.body).toContain('<option value="2025Q2">Kvartal 2 2025</option>');
    expect(page.body).toContain('1 april 2027 – 30 april 2027');
    const row = new RegExp(`<a href="/cases/${id}">KTV-9</a>[\\s\\S]*?</tr>`).exec(page.body)?.[0] ?? '';
    expect(row).toContain('<td>Ny');
    expect(row).toContain('Korttidsvistelse utanför det egna hemmet, 9 § 6 LSS');
    expect(row).toContain('1 oktober 2026');
    expect(row).toContain('<td>kvinna</td>');
    expect(row).toContain('Väntar');
    expect(csvLink(page.body)).toBe('/api/reports/ivo?quarter=2027Q1&format=csv');
  });

  test('when the CSV link is followed with the page session, then the same rows come as a CSV file', async () => {
    // given
    t = await startTestApp();
    await korttidsvistelse(t, 'KTV-9', '2026-10-01');
    const session = await signIn(t, 'revisor');
    const page = await getPage(t, session, '/reports/ivo?quarter=2027Q1');
    const href = csvLink(page.body);
    // when
    const csv = await getPage(t, session, href);
    // then
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toMatch(/^\ufeffRapporttyp;/);
    expect(csv.body).toContain('KTV-9');
  });

  test('when no quarter is asked for, then the current quarter by the clock is shown', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'admin');
    // when
    const page = await getPage(t, session, '/reports/ivo');
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="2027Q1" selected>');
    expect(page.body).toContain('Inga beslut att rapportera för Kvartal 1 2027.');
  });

  test('when the quarter is not a quarter, then the page answers 400 with the Swedish message beside the picker', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'ivo-rapportor');
    // when
    const bad = await getPage(t, session, '/reports/ivo?quarter=2027-1');
    const repeated = await getPage(t, session, '/reports/ivo?quarter=2027Q1&quarter=2027Q2');
    // then
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<p id="quarter-error" class="field-error">Ange kvartalet som ÅÅÅÅQn, till exempel 2027Q1.</p>');
    expect(bad.body).toContain('aria-describedby="quarter-error"');
    expect(bad.body).not.toContain('Ladda ner som CSV');
    expect(repeated.statusCode).toBe(400);
  });

  test('when a role outside IVO reporting opens the report, then a 403 page answers', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, '/reports/ivo?quarter=2027Q1');
    // then
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Du har inte behörighet');
  });
});
