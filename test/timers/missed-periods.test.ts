// A cycle armed with periods already past: one firing for them all, the series going on at its own dates after now.
import { TZDate } from '@date-fns/tz';
import { describe, expect, test } from 'vitest';
import { catchUpCycle, maxNamedPeriods } from '../../src/timers/missed-periods.js';
import { nextCycleDue } from '../../src/timers/timer-cycle.js';

/** 00:00 Stockholm time on the given day. */
function stockholmMidnight(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, 'Europe/Stockholm').getTime());
}

describe('catchUpCycle', () => {
  test('when a quarterly series from a decision 13 months old is armed today, then one firing names the four past quarters and the next is 3 months after the latest', () => {
    // given
    const cycle = { start: stockholmMidnight('2026-03-15'), duration: 'P3M' };
    const now = new Date('2027-01-15T08:00:00Z');

    // when
    const caughtUp = catchUpCycle(cycle, cycle.start, -1, now);

    // then
    expect(caughtUp).toEqual({
      due: stockholmMidnight('2026-12-15'),
      repeat: -1,
      missed: ['2026-03-15', '2026-06-15', '2026-09-15', '2026-12-15'].map(stockholmMidnight),
      missedCount: 4,
    });
    expect(nextCycleDue(cycle, caughtUp!.due)).toEqual(stockholmMidnight('2027-03-15'));
  });

  test('when the series is anchored on the 31st, then the missed periods and the next one keep the month ends without drift', () => {
    // given
    const cycle = { start: stockholmMidnight('2026-01-31'), duration: 'P3M' };

    // when
    const caughtUp = catchUpCycle(cycle, cycle.start, -1, new Date('2027-01-15T08:00:00Z'));

    // then
    expect(caughtUp?.missed).toEqual(['2026-01-31', '2026-04-30', '2026-07-31', '2026-10-31'].map(stockholmMidnight));
    expect(nextCycleDue(cycle, caughtUp!.due)).toEqual(stockholmMidnight('2027-01-31'));
  });

  test('when the series is re-armed after a firing with its next period still ahead, then nothing is caught up', () => {
    // given
    const cycle = { start: stockholmMidnight('2026-03-15'), duration: 'P3M' };

    // when
    const caughtUp = catchUpCycle(cycle, stockholmMidnight('2027-03-15'), -1, new Date('2027-01-15T08:00:00Z'));

    // then
    expect(caughtUp).toBeNull();
  });

  test('when a bounded series has fewer periods left than have passed, then only its own periods are named and none is left', () => {
    // given
    const cycle = { start: stockholmMidnight('2026-03-15'), duration: 'P3M' };

    // when
    const caughtUp = catchUpCycle(cycle, cycle.start, 2, new Date('2027-01-15T08:00:00Z'));

    // then
    expect(caughtUp).toEqual({ due: stockholmMidnight('2026-06-15'), repeat: 1, missed: ['2026-03-15', '2026-06-15'].map(stockholmMidnight), missedCount: 2 });
  });

  test('when a bounded series has more periods left than have passed, then the firing counts for each of them', () => {
    // given
    const cycle = { start: stockholmMidnight('2026-06-15'), duration: 'P3M' };

    // when
    const caughtUp = catchUpCycle(cycle, cycle.start, 4, new Date('2027-01-15T08:00:00Z'));

    // then
    expect(caughtUp).toMatchObject({ due: stockholmMidnight('2026-12-15'), repeat: 2, missedCount: 3 });
  });

  test('when a series without start is re-armed after a long stop, then it goes on one period after each missed one', () => {
    // given
    const cycle = { start: null, duration: 'P7D' };

    // when
    const caughtUp = catchUpCycle(cycle, stockholmMidnight('2027-01-01'), -1, new Date('2027-01-20T08:00:00Z'));

    // then
    expect(caughtUp?.missed).toEqual(['2027-01-01', '2027-01-08', '2027-01-15'].map(stockholmMidnight));
    expect(nextCycleDue(cycle, caughtUp!.due)).toEqual(stockholmMidnight('2027-01-22'));
  });

  test('when a short period has passed many times, then the first ones are named and all are counted', () => {
    // given
    const cycle = { start: new Date('2026-01-01T00:00:00Z'), duration: 'PT1M' };

    // when
    const caughtUp = catchUpCycle(cycle, cycle.start, -1, new Date('2027-01-01T00:00:30Z'));

    // then
    expect(caughtUp?.missed).toHaveLength(maxNamedPeriods);
    expect(caughtUp?.missed[1]).toEqual(new Date('2026-01-01T00:01:00Z'));
    expect(caughtUp).toMatchObject({ due: new Date('2027-01-01T00:00:00Z'), missedCount: 365 * 24 * 60 + 1 });
  });
});
