// The status of a decision folded from its events: executed, interrupted, resumed, closed.
import { describe, expect, test } from 'vitest';
import { eventFits, foldDecision, type CaseEvent, type CaseEventType } from '../../src/decisions/index.js';

const event = (type: CaseEventType, date: string): CaseEvent => ({ type, date, reason: null, at: `${date}T10:00:00.000Z` });

describe('foldDecision', () => {
  test('when a decision has no events, then it is not executed', () => {
    // given
    const events: CaseEvent[] = [];
    // when
    const folded = foldDecision(events);
    // then
    expect(folded).toEqual({ status: 'ej-verkstallt', verkstalltDatum: null });
  });

  test('when an executed decision is interrupted and resumed, then it is executed again and keeps its first execution day', () => {
    // given
    const events = [event('erbjudande', '2027-02-01'), event('verkstallt', '2027-03-01'), event('avbrott', '2027-05-10'), event('aterupptagen', '2027-06-01')];
    // when
    const interrupted = foldDecision(events.slice(0, 3));
    const resumed = foldDecision(events);
    // then
    expect(interrupted).toEqual({ status: 'avbrott', verkstalltDatum: '2027-03-01' });
    expect(resumed).toEqual({ status: 'verkstallt', verkstalltDatum: '2027-03-01' });
  });

  test('when a routine records an event that does not fit, then it stays in the record but changes nothing', () => {
    // given a second execution and a resumption without an interruption
    const events = [event('verkstallt', '2027-03-01'), event('verkstallt', '2027-04-01'), event('aterupptagen', '2027-04-02')];
    // when
    const folded = foldDecision(events);
    // then
    expect(folded).toEqual({ status: 'verkstallt', verkstalltDatum: '2027-03-01' });
  });

  test('when a decision is closed, then nothing more fits it', () => {
    // given
    const closed = foldDecision([event('avslutat', '2027-02-01')]).status;
    // when
    const fitting = (['avbrott', 'aterupptagen', 'drojsmal', 'verkstallt', 'avslutat'] as const).filter((type) => eventFits(closed, type));
    // then
    expect(closed).toBe('avslutat');
    expect(fitting).toEqual([]);
  });
});
