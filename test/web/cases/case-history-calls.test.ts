// The case timeline's words for call activities: a child started, finished, ended early, and the child's own end.
import { describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../../../src/runtime/index.js';
import { describeEntry, entryDetails } from '../../../src/web/cases/case-history-text.js';

const entry = (type: string, data: Record<string, unknown>, elementName: string | null = 'Extern placering'): HistoryEntry =>
  ({ seq: 7, at: '2027-01-15T08:00:00.000Z', type, elementId: elementName ? 'startaExternPlacering' : null, elementName, actor: 'system', data });

describe('call activities in the case history', () => {
  test('when a child case is started and finishes, then the entries say so, and the finish shows the values that came back', () => {
    // given
    const started = entry('call.started', { childId: 'c-1', processKey: 'extern-placering' });
    const completed = entry('call.completed', { childId: 'c-1', variables: { inflyttningsdatum: '2027-03-01' } });
    // when
    const texts = [describeEntry(started), describeEntry(completed)];
    // then
    expect(texts).toEqual(['”Extern placering” startade ett eget ärende (extern-placering) och väntar på att det blir klart', 'Ärendet som ”Extern placering” startade blev klart; ärendet gick vidare']);
    expect(entryDetails(started)).toEqual([]);
    expect(entryDetails(completed)).toEqual([{ label: 'inflyttningsdatum', value: '2027-03-01' }]);
  });

  test('when the caller leaves the step early, then both cases say why, and the child id is not shown', () => {
    // given
    const reason = 'Det anropande ärendet lämnade steget "Extern placering" innan det här ärendet var klart.';
    const onCaller = entry('call.cancelled', { childId: 'c-1', reason });
    const onChild = entry('instance.cancelled', { reason, by: 'p-1' }, null);
    // when
    const texts = [describeEntry(onCaller), describeEntry(onChild)];
    // then
    expect(texts).toEqual(['Ärendet som ”Extern placering” startade avslutades i förtid', 'Ärendet avbröts']);
    expect(entryDetails(onCaller)).toEqual([{ label: 'Orsak', value: reason }]);
    expect(entryDetails(onChild)).toEqual([{ label: 'Orsak', value: reason }]);
  });

  test('when the child ends at an error end event the step catches, then the entry names the error', () => {
    // given
    const caught = entry('call.error', { childId: 'c-1', code: 'INGEN_PLATS' });
    // when
    const text = describeEntry(caught);
    // then
    expect(text).toBe('Ärendet som ”Extern placering” startade slutade med felet INGEN_PLATS, som steget fångar');
    expect(entryDetails(caught)).toEqual([]);
  });
});
