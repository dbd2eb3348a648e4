// The case timeline's words for a timer that fired: its due date and, after a catch-up, the periods it stands for.
import { describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../../../src/runtime/index.js';
import { describeEntry, entryDetails } from '../../../src/web/cases/case-history-text.js';

function firedEntry(data: Record<string, unknown>): HistoryEntry {
  return { seq: 5, at: '2027-01-15T08:00:00.000Z', type: 'timer.fired', elementId: 'ivo', elementName: 'Var 3:e månad', actor: 'system', data };
}

describe('a fired timer in the case history', () => {
  test('when a cycle fired once for periods already past, then the entry names them in Stockholm time', () => {
    // given
    const entry = firedEntry({ dueAt: '2026-12-14T23:00:00.000Z', missedPeriods: ['2026-06-14T22:00:00.000Z', '2026-12-14T23:00:00.000Z'] });

    // when
    const details = entryDetails(entry);

    // then
    expect(describeEntry(entry)).toBe('Tidsfristen ”Var 3:e månad” löpte ut');
    expect(details).toEqual([
      { label: 'Förfaller', value: '15 dec. 2026 00:00' },
      { label: 'Missade perioder', value: '15 juni 2026 00:00, 15 dec. 2026 00:00' },
    ]);
  });

  test('when more periods were missed than the entry names, then it says how many more there were', () => {
    // given
    const entry = firedEntry({ dueAt: '2026-12-14T23:00:00.000Z', missedPeriods: ['2026-06-14T22:00:00.000Z'], missedPeriodCount: 3 });

    // when
    const details = entryDetails(entry);

    // then
    expect(details[1]).toEqual({ label: 'Missade perioder', value: '15 juni 2026 00:00 och 2 till' });
  });

  test('when a timer fired on its due date, then only the due date is shown', () => {
    // given
    const entry = firedEntry({ dueAt: '2027-03-14T23:00:00.000Z' });

    // when
    const details = entryDetails(entry);

    // then
    expect(details).toEqual([{ label: 'Förfaller', value: '15 mars 2027 00:00' }]);
  });
});
