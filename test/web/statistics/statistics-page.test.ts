import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { WaitingTime } from '../../../src/reports/waiting-times.js';
import { median, waitingStatistics } from '../../../src/web/statistics/statistics-model.js';
import { barChart, niceScale } from '../../../src/web/shared/svg-chart.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn } from '../page-session.js';

const wait = (insats: string, beslutsdatum: string, verkstalltDatum: string | null, avslutatDatum: string | null = null): WaitingTime => ({
  processKey: 'p', insats, lag: 'LSS', beslutsdatum, verkstalltDatum, avslutatDatum,
});

describe('statistics model', () => {
  test('when the values are odd, even or none, then the median is the middle, the mean of the two middle, or null', () => {
    // given
    const odd = [70, 10, 30];
    const even = [70, 10, 30, 50];
    // when
    const figures = [median(odd), median(even), median([])];
    // then
    expect(figures).toEqual([30, 40, null]);
  });

  test('when decisions are executed, still waiting or closed, then each insats and quarter gets its count, median, max and waiting figures', () => {
    // given
    const times = [
      wait('Bostad LSS', '2027-01-10', '2027-02-09'), // 30 days
      wait('Bostad LSS', '2027-01-20', '2027-03-31'), // 70 days
      wait('Bostad LSS', '2026-12-01', '2027-01-20'), // 50 days
      wait('Bostad LSS', '2027-02-01', null), // waiting 59 days by 2027-04-01
      wait('Korttidsvistelse', '2026-11-15', '2026-11-25'), // 10 days
      wait('Korttidsvistelse', '2026-12-20', null, '2027-01-05'), // closed without execution
    ];
    // when
    const stats = waitingStatistics(times, '2027-04-01');
    // then
    expect(stats.byInsats).toEqual([
      { label: 'Bostad LSS', executed: 3, medianDays: 50, maxDays: 70, stillWaiting: 1, longestWaitingDays: 59, closed: 0 },
      { label: 'Korttidsvistelse', executed: 1, medianDays: 10, maxDays: 10, stillWaiting: 0, longestWaitingDays: null, closed: 1 },
    ]);
    expect(stats.byQuarter).toEqual([
      { label: 'Kvartal 4 2026', executed: 2, medianDays: 30, maxDays: 50, stillWaiting: 0, longestWaitingDays: null, closed: 1 },
      { label: 'Kvartal 1 2027', executed: 2, medianDays: 50, maxDays: 70, stillWaiting: 1, longestWaitingDays: 59, closed: 0 },
    ]);
    expect(stats.total).toMatchObject({ executed: 4, medianDays: 40, maxDays: 70, stillWaiting: 1, closed: 1 });
  });

  test('when a chart is laid out, then the axis ends on a round value and each bar is as long as its share of it', () => {
    // given
    const input = {
      id: 'test', title: 'Dagar', description: 'Beskrivning', unit: 'd',
      series: [{ label: 'Median', colour: '#000' }, { label: 'Längsta', colour: '#111' }],
      groups: [{ label: 'A', values: [40, 70] }, { label: 'B', values: [null, 20] }],
    };
    // when
    const chart = barChart(input);
    // then
    expect(niceScale(70)).toEqual({ max: 80, step: 20 });
    expect(niceScale(2, 4, 1)).toEqual({ max: 2, step: 1 });
    expect(chart.ticks.map((t) => t.label)).toEqual(['0', '20', '40', '60', '80']);
    expect(chart.groups.map((g) => g.bars.map((b) => b.width))).toEqual([[200, 350], [0, 100]]);
    expect(chart.groups[1]!.bars[0]!.valueText).toBe('Median: –');
    expect(chart.groups[0]!.bars[1]!.valueText).toBe('70 d');
    expect([chart.titleId, chart.descId]).toEqual(['test-titel', 'test-beskrivning']);
  });
});

/** The real korttidsvistelse diagram and three orders: two executed (40 and 71 days), one waiting since 2027-01-05. */
async function threeOrders(t: TestApp): Promise<void> {
  const xml = await readFile(new URL('../../../processes/korttidsvistelse-lss.bpmn', import.meta.url), 'utf8');
  await t.call('processagare', { method: 'POST', url: '/api/processes', headers: { 'content-type': 'application/xml' }, payload: xml });
  const orders: [string, string | null][] = [['2026-12-01', '2027-01-10'], ['2026-11-02', '2027-01-12'], ['2027-01-05', null]];
  for (const [beslutsdatum, verkstallighetsdatum] of orders) {
    const variables = { beslutsdatum, brukare: 'Brukare-17', kon: 'man', antalDygn: 8, behov: 'Avlösning.' };
    const id: string = (await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/korttidsvistelse-lss/instances', payload: { variables } })).json().id;
    if (!verkstallighetsdatum) continue;
    const [task] = (await t.call('enhetschef', { method: 'GET', url: `/api/tasks?instanceId=${id}` })).json();
    const done = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: { variables: { verkstallighetsdatum } } });
    if (done.statusCode !== 200) throw new Error(`verkställighet failed: ${done.body}`);
  }
}

/** The cells of the table row whose header is `label`, as text. */
function rowCells(html: string, label: string): string[] {
  const row = new RegExp(`<th scope="row">${label}</th>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
  return [...row.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]!);
}

describe('statistics page', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when the steering group opens the statistics, then the waiting times per insats and quarter show as SVG charts and tables', async () => {
    // given
    t = await startTestApp();
    await threeOrders(t);
    const session = await signIn(t, 'boendeteam-chef');
    // when
    const page = await getPage(t, session, '/statistics');
    // then
    expect(page.statusCode).toBe(200);
    expect(rowCells(page.body, 'Korttidsvistelse utanför det egna hemmet, 9 § 6 LSS')).toEqual(['2', '55,5', '71', '1', '10', '0']);
    expect(rowCells(page.body, 'Kvartal 4 2026')).toEqual(['2', '55,5', '71', '0', '–', '0']);
    expect(rowCells(page.body, 'Kvartal 1 2027')).toEqual(['0', '–', '–', '1', '10', '0']);
    expect(page.body).toContain('role="img" aria-labelledby="per-insats-dagar-titel per-insats-dagar-beskrivning"');
    expect(page.body).toContain('<title id="per-kvartal-antal-titel">Verkställda och väntande beslut per kvartal för beslutet</title>');
    expect(page.body).toContain('55,5 d');
    // The charts are drawn on the server: the only script is the sign-in's warning, which every page has.
    expect(page.body.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/app/session-timeout.js" defer>']);
  });

  test('when roles outside the steering group open the statistics, then they get a 403 page; the auditor reads it; no one unsigned does', async () => {
    // given
    t = await startTestApp();
    const roles = ['myndighetschef', 'verksamhetschef', 'enhetschef', 'revisor', 'admin', 'lss-handlaggare', 'arbetsterapeut', 'ivo-rapportor'];
    // when
    const statuses: Record<string, number> = {};
    for (const role of roles) statuses[role] = (await getPage(t, await signIn(t, role), '/statistics')).statusCode;
    const anonymous = await getPage(t, null, '/statistics');
    // then
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/login']);
    expect(statuses).toEqual({ myndighetschef: 200, verksamhetschef: 200, enhetschef: 200, revisor: 200, admin: 200, 'lss-handlaggare': 403, arbetsterapeut: 403, 'ivo-rapportor': 403 });
  });
});
