import { describe, expect, test } from 'vitest';
import { loadIvoConfig } from '../../src/reports/ivo-config.js';
import { ivoReportCsv } from '../../src/reports/ivo-csv.js';
import { buildIvoReport } from '../../src/reports/ivo-report.js';
import { parseQuarter } from '../../src/reports/quarter.js';
import type { CaseEvent } from '../../src/decisions/index.js';
import { reportCase } from './report-cases.js';

const config = await loadIvoConfig('config/ivo.json');
const lss = { insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS', lag: 'LSS' };

const decision = (id: string, beslutsdatum: string, events: Partial<CaseEvent>[] = []) => reportCase(id, beslutsdatum, events);
const report = (quarter: string, ...cases: ReturnType<typeof decision>[]) => buildIvoReport(cases, parseQuarter(quarter, config)!, config);
const kinds = (quarter: string, ...cases: ReturnType<typeof decision>[]) => report(quarter, ...cases).rows.map((r) => [r.instanceId, r.rapporttyp]);

describe('IVO report', () => {
  test('when a decision is not executed, then it is new in the quarter its 3 months pass and re-reported every quarter after', () => {
    // given
    const waiting = decision('a', '2027-01-15');
    // when / then
    expect(kinds('2027Q1', waiting)).toEqual([]);
    expect(kinds('2027Q2', waiting)).toEqual([['a', 'ny']]);
    expect(kinds('2027Q3', waiting)).toEqual([['a', 'återrapport']]);
    expect(report('2027Q2', waiting).rows[0]).toMatchObject({ rapporteringspliktigFran: '2027-04-15', lag: 'LSS', lagrum: expect.stringContaining('28 f §'), kon: 'kvinna' });
  });

  test('when it is executed late, then the quarter of execution closes it and it is gone after', () => {
    // given
    const late = decision('b', '2027-01-31', [{ type: 'erbjudande', date: '2027-05-02' }, { type: 'avbojt', date: '2027-05-10', reason: 'För långt från familjen' }, { type: 'verkstallt', date: '2027-08-01' }]);
    // when
    const q3 = report('2027Q3', late).rows[0];
    // then
    expect(kinds('2027Q2', late)).toEqual([['b', 'ny']]);
    expect(q3).toMatchObject({ rapporttyp: 'verkställt', rapporteringspliktigFran: '2027-04-30', verkstalltDatum: '2027-08-01', erbjudanden: ['2027-05-02'], tackatNej: [{ datum: '2027-05-10', orsak: 'För långt från familjen' }] });
    expect(kinds('2027Q4', late)).toEqual([]);
  });

  test('when it is executed within 3 months or closed for another reason, then it is never or finally reported accordingly', () => {
    // given
    const inTime = decision('c', '2027-01-15', [{ type: 'verkstallt', date: '2027-04-15' }]);
    const closed = decision('d', '2027-01-15', [{ type: 'avslutat', date: '2027-07-20', reason: 'Återtagen ansökan' }]);
    // when / then
    expect(kinds('2027Q2', inTime, closed)).toEqual([['d', 'ny']]);
    expect(kinds('2027Q3', inTime, closed)).toEqual([['d', 'avslutat']]);
    expect(report('2027Q3', closed).rows[0]).toMatchObject({ avslutatDatum: '2027-07-20', avslutsorsak: 'Återtagen ansökan' });
  });

  test('when the 3 months pass and it is executed in the same quarter, then it is reported new with its execution day, and not again', () => {
    // given a decision of 2027-01-15: reportable from 2027-04-15, executed 2027-05-20
    const executedLate = decision('e', '2027-01-15', [{ type: 'verkstallt', date: '2027-05-20' }]);
    // when
    const q2 = report('2027Q2', executedLate).rows;
    // then
    expect(q2.map((r) => [r.instanceId, r.rapporttyp, r.verkstalltDatum])).toEqual([['e', 'ny', '2027-05-20']]);
    expect(kinds('2027Q3', executedLate)).toEqual([]);
  });

  test('when an execution is interrupted and not resumed within 3 months, then the interruption is reported', () => {
    // given
    const interrupted = decision('e', '2026-06-01', [{ type: 'verkstallt', date: '2026-07-01' }, { type: 'avbrott', date: '2027-02-10' }, { type: 'aterupptagen', date: '2027-07-01' }]);
    // when / then
    expect(report('2027Q2', interrupted).rows).toEqual([expect.objectContaining({ grund: 'avbrott', avbrottsdatum: '2027-02-10', rapporteringspliktigFran: '2027-05-10', rapporttyp: 'ny' })]);
    expect(report('2027Q3', interrupted).rows).toEqual([expect.objectContaining({ grund: 'avbrott', rapporttyp: 'verkställt' })]);
  });

  test('when a case names its own law and insats, is a change of housing, or was handed over, then the report follows that', () => {
    // given
    const sol = decision('g', '2027-01-15');
    sol.summary.variables = { ...sol.summary.variables, lag: 'SoL', insats: 'Särskilt boende' };
    const change = decision('h', '2027-01-15');
    change.summary.variables = { ...change.summary.variables, ursprung: 'byteAvBoende' };
    const handedOver = decision('i', '2027-01-15', [{ type: 'overlamnad', date: '2027-05-01' }]);
    // when
    const rows = report('2027Q2', sol, change, handedOver).rows;
    // then
    expect(rows).toEqual([expect.objectContaining({ instanceId: 'g', lag: 'SoL', insats: 'Särskilt boende', lagrum: '34 kap. 1 § socialtjänstlagen (2025:400)' })]);
  });

  test('when a decision was handed on after a quarter, then every quarter lists it once, by the case carrying it now, with what the giver recorded after the hand-over', () => {
    // given a decision of 2026-10-01 that case a handed on to case b on 2027-04-12; a gave the reason for delay afterwards
    const header = { id: 'beslut-x', person: 'Brukare x', kon: 'man', law: 'LSS' as const, insats: lss.insats, beslutsdatum: '2026-10-01' };
    const giver = reportCase('a', '2026-10-01', [{ type: 'overlamnad', date: '2027-04-12' }, { type: 'drojsmal', date: '2027-04-20', reason: 'Ingen lämplig lägenhet.' }], header);
    const carrier = reportCase('b', '2026-10-01', [], header);
    // when
    const q1 = report('2027Q1', giver, carrier).rows;
    const q2 = report('2027Q2', giver, carrier).rows;
    const unclaimed = report('2027Q1', giver).rows;
    // then
    expect(q1.map((r) => [r.instanceId, r.rapporttyp, r.skalTillDrojsmal])).toEqual([['b', 'ny', null]]);
    expect(q2.map((r) => [r.instanceId, r.rapporttyp, r.skalTillDrojsmal])).toEqual([['b', 'återrapport', 'Ingen lämplig lägenhet.']]);
    expect(unclaimed.map((r) => r.instanceId)).toEqual(['a']);
  });

  test('when a case fixed its decision at the start, then later variables change neither its row nor its presence', () => {
    // given a decision fixed on 2027-01-15, whose variables were later overwritten (by a message, say)
    const fixed = decision('f', '2027-01-15');
    fixed.summary.decision = { id: 'beslut-f', person: 'Brukare f', kon: 'kvinna', law: 'LSS', insats: lss.insats, beslutsdatum: '2027-01-15' };
    fixed.summary.variables = { beslutsdatum: '2026-02-30', lag: 'ingen', kon: 20260601 };
    // when
    const rows = report('2027Q2', fixed).rows;
    // then
    expect(rows.map((r) => [r.instanceId, r.beslutsdatum, r.lag, r.kon, r.rapporttyp])).toEqual([['f', '2027-01-15', 'LSS', 'kvinna', 'ny']]);
  });

  test('when the quarter is written wrong, then no quarter is made; the window comes from configuration', () => {
    // when / then
    expect(parseQuarter('2027-Q1', config)).toBeNull();
    expect(parseQuarter('2027Q2', config)?.reportingWindow).toEqual({ from: '2027-07-01', to: '2027-08-31' });
    expect(parseQuarter('2027Q4', config)?.reportingWindow).toEqual({ from: '2028-01-01', to: '2028-01-31' });
  });

  test('when written as CSV, then the columns are Swedish, separated by semicolons, and a formula-like value stays text', () => {
    // given
    const sneaky = decision('f', '2027-01-15', [{ type: 'drojsmal', date: '2027-04-20', reason: '=HYPERLINK("http://x")' }]);
    // when
    const csv = ivoReportCsv(report('2027Q2', sneaky));
    // then
    const [header, line] = csv.replace('\ufeff', '').trim().split('\n');
    expect(header).toMatch(/^Rapporttyp;Grund;Insats;Lag;Lagrum;Beslutsdatum;/);
    expect(line).toContain(`'=HYPERLINK`);
    expect(line).toMatch(/^ny;beslut;/);
  });
});
