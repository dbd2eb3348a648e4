// The legal clock of a case that carries a decision: its status decides, and an interruption restarts the count.
import { describe, expect, test } from 'vitest';
import type { Decision } from '../../../src/runtime/index.js';
import { loadIvoConfig } from '../../../src/reports/ivo-config.js';
import { ivoReportingFor } from '../../../src/reports/ivo-reporting.js';
import { legalClock, type ReportingOf } from '../../../src/web/cases/case-legal-clock.js';

const ivoConfig = await loadIvoConfig(new URL('../../../config/ivo.json', import.meta.url).pathname);
/** The rule of the quarterly IVO report, with the reporting windows of config/ivo.json. */
const reportingOf: ReportingOf = (start, today) => ivoReportingFor(start, today, ivoConfig);

const decision = (status: Decision['status'], events: Partial<Decision['events'][number]>[]): Decision => ({
  id: 'b-1',
  instanceId: 'c-1',
  processKey: 'korttidsvistelse-lss',
  person: 'Brukare-1',
  kon: 'kvinna',
  law: 'LSS',
  insats: 'Korttidsvistelse',
  beslutsdatum: '2026-10-31',
  status,
  verkstalltDatum: events.find((e) => e.type === 'verkstallt')?.date ?? null,
  events: events.map((e) => ({ type: 'verkstallt', date: '2026-11-10', reason: null, at: '2026-11-10T10:00:00Z', ...e })),
});

describe('legalClock of a decision', () => {
  test('when an executed decision is interrupted, then the next IVO date counts from the interruption', () => {
    // given executed 2026-11-10, interrupted 2026-12-15; the clock at 2027-02-01
    const interrupted = decision('avbrott', [{ type: 'verkstallt', date: '2026-11-10' }, { type: 'avbrott', date: '2026-12-15' }]);
    // when
    const clock = legalClock({}, [], 'running', '2027-02-01T08:00:00Z', reportingOf, interrupted);
    // then
    expect(clock).toMatchObject({ beslutsdatum: '2026-10-31', executedOn: '2026-11-10', interruptedOn: '2026-12-15', noReportReason: null });
    expect(clock.ivo).toEqual({ reportableFrom: '2027-03-15', quarter: '2027Q1', quarterName: 'kvartal 1 2027', windowFrom: '2027-04-01', dueBy: '2027-04-30' });
  });

  test('when the decision waits and its case has ended, then its clock still runs; once closed it stops', () => {
    // given a decision that still waits, and one that was closed
    const waiting = decision('ej-verkstallt', []);
    const closed = decision('avslutat', [{ type: 'avslutat', date: '2026-12-01', reason: 'Avliden.' }]);
    // when
    const ended = legalClock({}, [], 'completed', '2027-02-01T08:00:00Z', reportingOf, waiting);
    const stopped = legalClock({}, [], 'completed', '2027-02-01T08:00:00Z', reportingOf, closed);
    // then
    expect(ended).toMatchObject({ daysSinceDecision: 93, ivo: { reportableFrom: '2027-01-31', quarter: '2027Q1', dueBy: '2027-04-30' }, noReportReason: null });
    expect(stopped).toMatchObject({ ivo: null, noReportReason: 'Beslutet är avslutat.' });
  });

  test('when a decision of August has waited past November, then it is in the report for the fourth quarter, due in January, as the IVO report puts it, and after January in the report for the first', () => {
    // given: decided 2026-08-10, so reportable from 2026-11-10
    const waiting = { ...decision('ej-verkstallt', []), beslutsdatum: '2026-08-10' };
    // when
    const inJanuary = legalClock({}, [], 'running', '2027-01-15T08:00:00Z', reportingOf, waiting);
    const inFebruary = legalClock({}, [], 'running', '2027-02-01T08:00:00Z', reportingOf, waiting);
    // then
    expect(inJanuary.ivo).toEqual({ reportableFrom: '2026-11-10', quarter: '2026Q4', quarterName: 'kvartal 4 2026', windowFrom: '2027-01-01', dueBy: '2027-01-31' });
    expect(inFebruary.ivo).toMatchObject({ reportableFrom: '2026-11-10', quarter: '2027Q1', dueBy: '2027-04-30' });
  });
});
