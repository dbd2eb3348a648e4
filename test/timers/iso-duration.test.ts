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

  test('when the text is not a duration we run, then a Swedish TimerError says precisely what to change', () => {
    // given
    const cases: [string, string | RegExp][] = [
      ['PT0.05S', /^Varaktigheten har en decimal \(0\.05\); en timer räknas här i hela tal\. Skriv en mindre enhet/],
      ['P1.5D', /^Varaktigheten har en decimal \(1\.5\)/],
      ['p14d', 'Varaktigheten är skriven med små bokstäver; skriv P14D.'],
      ['P14 D', 'Varaktigheten innehåller mellanslag; skriv den utan, som P14D.'],
      [' P14D', 'Varaktigheten innehåller mellanslag; skriv den utan, som P14D.'],
      ['P36H', /^Timmar, minuter och sekunder skrivs efter ett T, som PT36H\./],
      ['P1D2H', /^Timmar, minuter och sekunder skrivs efter ett T, som P1DT2H\./],
      ['P3M1Y', /^Delarna står i fel ordning eller finns två gånger; ordningen är år \(Y\)/],
      ['P', /^Varaktigheten saknar ett tal med enhet efter P\. Skriv t\.ex\. P14D/],
      ['PT', /^Varaktigheten saknar ett tal med enhet efter T\./],
      ['P1DT', /^Varaktigheten saknar ett tal med enhet efter T\./],
      ['R/P3M', /^Det här är en upprepning \(R\/…\), inte en varaktighet\. Välj sorten Upprepning/],
      ['2027-04-30', /^Det här är ett datum, inte en varaktighet\. Välj sorten Datum/],
      ['14D', /^En varaktighet skrivs i ISO 8601 och börjar med P\. Skriv t\.ex\. P14D/],
      ['3 months', /^En varaktighet skrivs i ISO 8601 och börjar med P\./],
      ['P1DD', /^Varaktigheten följer inte ISO 8601\. Skriv t\.ex\. P14D/],
      ['', /^Varaktigheten saknar värde\./],
    ];

    // when
    const failures = cases.map(([text]) => catchError(() => parseIsoDuration(text)));

    // then
    failures.forEach((failure, index) => {
      expect(failure).toBeInstanceOf(TimerError);
      expect(failure?.message).toMatch(cases[index]![1]);
    });
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
