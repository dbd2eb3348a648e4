import { describe, expect, test } from 'vitest';
import { isZeroDuration, parseIsoDuration } from '../../src/timers/iso-duration.js';
import { TimerError } from '../../src/timers/timer-error.js';

describe('parseIsoDuration', () => {
  test('when the duration is ISO 8601, then its parts are returned', () => {
    // given
    const texts = ['P14D', 'P3M', 'P1Y2M10DT2H30M', 'P2W', 'PT36H', 'PT90S'];

    // when
    const parts = texts.map(parseIsoDuration);

    // then
    const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
    expect(parts).toEqual([
      { ...zero, days: 14 },
      { ...zero, months: 3 },
      { ...zero, years: 1, months: 2, days: 10, hours: 2, minutes: 30 },
      { ...zero, weeks: 2 },
      { ...zero, hours: 36 },
      { ...zero, seconds: 90 },
    ]);
  });

  test('when the text is not an ISO 8601 duration, then a Swedish TimerError with examples is thrown', () => {
    // given
    const texts = ['3 months', 'P', 'PT', 'P1DT', 'p14d', 'P1.5D', 'P14 D', ' P14D', 'P3M1Y', '14D', 'R/P3M', ''];

    // when
    const failures = texts.map((text) => catchError(() => parseIsoDuration(text)));

    // then
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(TimerError);
      expect(failure?.message).toMatch(/^Varaktigheten följer inte ISO 8601\. Skriv t\.ex\. P14D/);
    }
  });

  test('when the duration is negative, then the message says a duration cannot be negative', () => {
    // given
    const text = '-P1D';

    // when
    const failure = catchError(() => parseIsoDuration(text));

    // then
    expect(failure?.message).toBe('En varaktighet kan inte vara negativ.');
  });
});

describe('isZeroDuration', () => {
  test('when every part is zero, then it is zero, otherwise not', () => {
    // given
    const texts = ['PT0S', 'P0D', 'PT1S', 'P1M'];

    // when
    const zero = texts.map((text) => isZeroDuration(parseIsoDuration(text)));

    // then
    expect(zero).toEqual([true, true, false, false]);
  });
});

function catchError(action: () => unknown): Error | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
