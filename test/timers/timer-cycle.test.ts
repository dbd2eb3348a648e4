import { TZDate } from '@date-fns/tz';
import { describe, expect, test } from 'vitest';
import { nextCycleDue, parseCycle } from '../../src/timers/timer-cycle.js';
import { TimerError } from '../../src/timers/timer-error.js';

/** 00:00 Stockholm time on the given day. */
function stockholmMidnight(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, 'Europe/Stockholm').getTime());
}

describe('parseCycle', () => {
  test('when the cycle has a count, no count or -1, then repeat is that count or -1 for unbounded', () => {
    // given
    const texts = ['R/P3M', 'R-1/P3M', 'R4/P6M'];

    // when
    const repeats = texts.map((text) => parseCycle(text).repeat);

    // then
    expect(repeats).toEqual([-1, -1, 4]);
  });

  test('when the cycle has a start date, then the start is that day 00:00 Stockholm', () => {
    // given
    const text = 'R/2027-04-15/P3M';

    // when
    const parsed = parseCycle(text);

    // then
    expect(parsed).toEqual({ repeat: -1, cycle: { start: stockholmMidnight('2027-04-15'), duration: 'P3M' } });
  });

  test('when the cycle is not R[n]/<duration> or R[n]/<start>/<duration>, then a Swedish TimerError is thrown', () => {
    // given
    const texts = ['P3M', 'R/', 'R/3 månader', 'R0/P1M', 'R/P1M/2027-04-15', 'R/2027-02-30/P1M', 'R/PT0S', 'RX/P1M', 'R/a/b/c'];

    // when
    const failures = texts.map((text) => () => parseCycle(text));

    // then
    for (const failure of failures) expect(failure).toThrow(TimerError);
    expect(() => parseCycle('P3M')).toThrow(/^Upprepningen kan inte tolkas\. Skriv en upprepning som R\/P3M/);
    expect(() => parseCycle('R/PT0S')).toThrow('Upprepningens varaktighet måste vara längre än noll.');
  });
});

describe('nextCycleDue', () => {
  test('when the series has a start, then each due date is start + k periods, without month-end drift', () => {
    // given
    const cycle = { start: stockholmMidnight('2027-01-31'), duration: 'P3M' };

    // when
    const second = nextCycleDue(cycle, cycle.start);
    const third = nextCycleDue(cycle, second);
    const fourth = nextCycleDue(cycle, third);

    // then
    expect([second, third, fourth]).toEqual(
      ['2027-04-30', '2027-07-31', '2027-10-31'].map(stockholmMidnight),
    );
  });

  test('when the previous due date lies between series dates, then the next series date after it is chosen', () => {
    // given
    const cycle = { start: new Date('2020-01-31T08:00:00Z'), duration: 'P1M' };

    // when
    const next = nextCycleDue(cycle, new Date('2027-03-15T12:00:00Z'));

    // then
    expect(next).toEqual(new Date('2027-03-31T07:00:00Z'));
  });

  test('when the previous due date is before the start, then the start itself is next', () => {
    // given
    const cycle = { start: stockholmMidnight('2027-04-15'), duration: 'P3M' };

    // when
    const next = nextCycleDue(cycle, new Date('2027-01-01T00:00:00Z'));

    // then
    expect(next).toEqual(cycle.start);
  });

  test('when the series has no start, then the next due date is one period after the previous one', () => {
    // given
    const cycle = { start: null, duration: 'P1M' };

    // when
    const next = nextCycleDue(cycle, stockholmMidnight('2027-01-31'));

    // then
    expect(next).toEqual(stockholmMidnight('2027-02-28'));
  });
});
