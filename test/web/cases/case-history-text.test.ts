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

describe('an incident in the case history', () => {
  const entry = (type: string, data: Record<string, unknown>): HistoryEntry => ({
    seq: 7, at: '2027-01-15T08:00:00.000Z', type, elementId: 'boka', elementName: 'Boka plats', actor: 'system', data,
  });

  test('when a step failed, was retried with a corrected value and went through, then each entry says so in Swedish with what came with it', () => {
    // given
    const entries = [
      entry('incident.opened', { incidentId: 'i1', message: 'Bokningssystemet svarar inte' }),
      entry('incident.retried', { incidentId: 'i1', variables: { lagenhet: 'Solrosen 3' } }),
      entry('incident.resolved', { incidentId: 'i1' }),
      entry('instance.revived', { message: 'Bokningssystemet svarar inte' }),
    ];

    // when
    const shown = entries.map((e) => [describeEntry(e), entryDetails(e)]);

    // then
    expect(shown).toEqual([
      ['”Boka plats” misslyckades och väntar på en rättelse (incident)', [{ label: 'Fel', value: 'Bokningssystemet svarar inte' }]],
      ['”Boka plats” försöktes igen', [{ label: 'lagenhet', value: 'Solrosen 3' }]],
      ['Incidenten vid ”Boka plats” löstes: steget gick igenom', []],
      ['Ärendet togs upp igen vid ”Boka plats”, där ett tidigare fel hade stoppat det', [{ label: 'Fel', value: 'Bokningssystemet svarar inte' }]],
    ]);
  });
});
