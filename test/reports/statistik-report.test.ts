import { describe, expect, test } from 'vitest';
import type { CaseEvent, DecisionHeader } from '../../src/decisions/index.js';
import { loadIvoConfig } from '../../src/reports/ivo-config.js';
import { buildIvoReport } from '../../src/reports/ivo-report.js';
import { parseQuarter } from '../../src/reports/quarter.js';
import { statistikReportCsv } from '../../src/reports/statistik-csv.js';
import { buildStatistikReport, medianDays } from '../../src/reports/statistik-report.js';
import { reportCase } from './report-cases.js';

const config = await loadIvoConfig('config/ivo.json');
const bostad = 'Bostad med särskild service för vuxna, 9 § 9 LSS';
const korttid = 'Korttidsvistelse utanför det egna hemmet, 9 § 6 LSS';

/** A case whose decision header was fixed at its start, with its case events. */
function decision(id: string, header: Partial<DecisionHeader> & { beslutsdatum: string }, events: Partial<CaseEvent>[] = []) {
  const fixed: DecisionHeader = { id: `beslut-${id}`, person: `Brukare ${id}`, kon: 'kvinna', law: 'LSS', insats: bostad, ...header };
  return reportCase(id, fixed.beslutsdatum, events, fixed);
}
const statistik = (quarter: string, ...cases: ReturnType<typeof decision>[]) => buildStatistikReport(cases, parseQuarter(quarter, config)!, config);

// Quarter 2027Q2 runs 2027-04-01 – 2027-06-30; the days in the comments are counted to the day named.
const cases = [
  decision('e', { beslutsdatum: '2027-03-02', kon: 'man' }), // waiting: 120 days to 06-30
  decision('g', { beslutsdatum: '2027-01-15', law: 'SoL', insats: 'Särskilt boende' }), // waiting: 166
  decision('k', { beslutsdatum: '2027-01-15', insats: korttid }), // waiting: 166
  decision('a', { beslutsdatum: '2027-01-15' }), // waiting: 166
  decision('f', { beslutsdatum: '2027-02-10', kon: null }), // waiting: 140
  decision('b', { beslutsdatum: '2027-01-31' }, [{ type: 'verkstallt', date: '2027-05-20' }]), // executed late: 109 to 05-20
  decision('c', { beslutsdatum: '2026-10-01' }, [{ type: 'drojsmal', date: '2027-01-10', reason: 'Ingen ledig plats' }]), // reported again: 272
  decision('d', { beslutsdatum: '2026-12-01', kon: 'man' }, [{ type: 'avslutat', date: '2027-05-05', reason: 'Återtagen ansökan' }]), // closed: 155 to 05-05
  decision('h', { beslutsdatum: '2027-02-10' }, [{ type: 'verkstallt', date: '2027-04-01' }]), // executed in time: not counted
  decision('j', { beslutsdatum: '2027-04-10' }), // its 3 months end in 2027Q3: not counted
  decision('i', { beslutsdatum: '2026-06-01' }, [{ type: 'verkstallt', date: '2026-07-01' }, { type: 'avbrott', date: '2027-02-10' }]), // an interruption: not counted
];

describe('quarterly statistics', () => {
  test('when decisions wait, are executed late, closed or executed in time, then each law, insats and kön gets its count, median and max', () => {
    // given the cases above
    // when
    const report = statistik('2027Q2', ...cases);
    // then
    expect(report).toEqual({
      quarter: '2027Q2',
      rows: [
        { law: 'LSS', insats: bostad, kon: 'kvinna', antal: 3, dagarSedanBeslut: { median: 166, max: 272 } },
        { law: 'LSS', insats: bostad, kon: 'man', antal: 2, dagarSedanBeslut: { median: 137, max: 155 } },
        { law: 'LSS', insats: bostad, kon: 'uppgift saknas', antal: 1, dagarSedanBeslut: { median: 140, max: 140 } },
        { law: 'LSS', insats: korttid, kon: 'kvinna', antal: 1, dagarSedanBeslut: { median: 166, max: 166 } },
        { law: 'SoL', insats: 'Särskilt boende', kon: 'kvinna', antal: 1, dagarSedanBeslut: { median: 166, max: 166 } },
      ],
    });
  });

  test('when the IVO report of the quarter is built from the same cases, then exactly its decision rows are counted and its interruptions are not', () => {
    // given
    const ivo = buildIvoReport(cases, parseQuarter('2027Q2', config)!, config);
    // when
    const report = statistik('2027Q2', ...cases);
    // then
    expect(ivo.rows.filter((r) => r.grund === 'avbrott').map((r) => r.instanceId)).toEqual(['i']);
    expect(report.rows.reduce((sum, r) => sum + r.antal, 0)).toBe(ivo.rows.filter((r) => r.grund === 'beslut').length);
  });

  test('when the rows are read, then each holds only law, insats, kön, count and days, and nothing names, identifies or dates a person', () => {
    // given
    const report = statistik('2027Q2', ...cases);
    // when
    const text = JSON.stringify(report);
    // then
    for (const row of report.rows) {
      expect(Object.keys(row).sort()).toEqual(['antal', 'dagarSedanBeslut', 'insats', 'kon', 'law']);
      expect(Object.keys(row.dagarSedanBeslut).sort()).toEqual(['max', 'median']);
    }
    expect(text).not.toMatch(/Brukare|KS-|beslut-|\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain('Ingen ledig plats');
  });

  test('when a quarter has no decision past its 3 months, then the rows are empty', () => {
    // given
    const early = decision('a', { beslutsdatum: '2027-01-15' });
    // when / then
    expect(statistik('2027Q1', early)).toEqual({ quarter: '2027Q1', rows: [] });
    expect(statistik('2027Q2')).toEqual({ quarter: '2027Q2', rows: [] });
  });

  test('when the count is odd, even with an odd sum, or one, then the median is the middle, the two middle ones averaged and rounded down, or the one', () => {
    // when / then
    expect(medianDays([272, 109, 166])).toBe(166);
    expect(medianDays([155, 120])).toBe(137);
    expect(medianDays([10, 40, 30, 20])).toBe(25);
    expect(medianDays([140])).toBe(140);
  });

  test('when written as CSV, then the headers are Swedish, the cells separated by semicolons, and a formula-like insats stays text', () => {
    // given
    const sneaky = decision('s', { beslutsdatum: '2027-01-15', kon: null, insats: '=HYPERLINK("http://x")' });
    // when
    const csv = statistikReportCsv(statistik('2027Q2', sneaky, cases[3]!));
    // then
    const lines = csv.replace('\ufeff', '').trim().split('\n');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(lines[0]).toBe('Lag;Insats;Kön;Antal beslut;Dagar sedan beslut (median);Dagar sedan beslut (max)');
    expect(lines).toContain(`LSS;${bostad};kvinna;1;166;166`);
    expect(lines).toContain(`LSS;"'=HYPERLINK(""http://x"")";uppgift saknas;1;166;166`);
  });
});
