// The legal clock of a case that carries a decision: its status decides, and an interruption restarts the count.
import { describe, expect, test } from 'vitest';
import type { Decision } from '../../../src/runtime/index.js';
import { legalClock } from '../../../src/web/cases/case-legal-clock.js';

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
    const clock = legalClock({}, [], 'running', '2027-02-01T08:00:00Z', interrupted);
    // then
    expect(clock).toMatchObject({ beslutsdatum: '2026-10-31', executedOn: '2026-11-10', interruptedOn: '2026-12-15', nextIvoReport: '2027-03-15', noReportReason: null });
  });

  test('when the decision waits and its case has ended, then its clock still runs; once closed it stops', () => {
    // given a decision that still waits, and one that was closed
    const waiting = decision('ej-verkstallt', []);
    const closed = decision('avslutat', [{ type: 'avslutat', date: '2026-12-01', reason: 'Avliden.' }]);
    // when
    const ended = legalClock({}, [], 'completed', '2027-02-01T08:00:00Z', waiting);
    const stopped = legalClock({}, [], 'completed', '2027-02-01T08:00:00Z', closed);
    // then
    expect(ended).toMatchObject({ daysSinceDecision: 93, nextIvoReport: '2027-04-30', noReportReason: null });
    expect(stopped).toMatchObject({ nextIvoReport: null, noReportReason: 'Beslutet är avslutat.' });
  });
});
