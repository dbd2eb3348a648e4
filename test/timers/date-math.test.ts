import { describe, expect, test } from 'vitest';
import { addDuration, parseDateOrDateTime } from '../../src/timers/date-math.js';
import { TimerError } from '../../src/timers/timer-error.js';

/** Stockholm midnight of a day, written as the UTC instant it is (CET +01:00 / CEST +02:00). */
const cet = (day: string, time = '00:00') => new Date(`${day}T${time}:00+01:00`);
const cest = (day: string, time = '00:00') => new Date(`${day}T${time}:00+02:00`);

describe('addDuration', () => {
  test('when months or years land on a shorter month, then the day is clamped to its last day', () => {
    // given
    const cases: [Date, string, Date][] = [
      [cet('2027-01-31'), 'P3M', cest('2027-04-30')],
      [cet('2027-01-31'), 'P1M', cet('2027-02-28')],
      [cet('2028-02-29'), 'P1Y', cet('2029-02-28')],
      [cet('2027-11-30'), 'P3M', cet('2028-02-29')],
    ];

    // when
    const results = cases.map(([start, duration]) => addDuration(start, duration));

    // then
    expect(results).toEqual(cases.map(([, , expected]) => expected));
  });

  test('when days are added across the change to summer time, then 09:00 local stays 09:00 local', () => {
    // given
    const start = cet('2027-03-20', '09:00');

    // when
    const results = ['P14D', 'P2W', 'P1M'].map((duration) => addDuration(start, duration));

    // then
    expect(results).toEqual([cest('2027-04-03', '09:00'), cest('2027-04-03', '09:00'), cest('2027-04-20', '09:00')]);
  });

  test('when hours are added across the change to winter time, then they count as elapsed time', () => {
    // given
    const start = cest('2027-10-30', '12:00');

    // when
    const [hours, days] = ['PT36H', 'P1DT12H'].map((duration) => addDuration(start, duration));

    // then
    expect(hours).toEqual(cet('2027-10-31', '23:00'));
    expect(days).toEqual(cet('2027-11-01', '00:00'));
  });

  test('when a duration is taken several times, then every part is multiplied from the same start', () => {
    // given
    const start = cet('2027-01-31');

    // when
    const results = [0, 1, 2, 3].map((times) => addDuration(start, 'P3M', times));

    // then
    expect(results).toEqual([cet('2027-01-31'), cest('2027-04-30'), cest('2027-07-31'), cest('2027-10-31')]);
  });

  test('when the duration does not parse or the result is out of range, then a TimerError is thrown', () => {
    // given
    const start = cet('2027-01-31');

    // when
    const failures = [() => addDuration(start, '3 months'), () => addDuration(start, 'P999999Y'), () => addDuration(start, 'P1D', -1)];

    // then
    for (const failure of failures) expect(failure).toThrow(TimerError);
  });
});

describe('parseDateOrDateTime', () => {
  test('when the text is a date, then it is that day at 00:00 in Stockholm', () => {
    // given
    const texts = ['2027-01-31', '2027-04-30'];

    // when
    const dates = texts.map(parseDateOrDateTime);

    // then
    expect(dates.map((d) => d.toISOString())).toEqual(['2027-01-30T23:00:00.000Z', '2027-04-29T22:00:00.000Z']);
  });

  test('when the date-time has Z or an offset, then it is that instant', () => {
    // given
    const texts = ['2027-04-30T08:00:00+02:00', '2027-04-30T06:00:00Z', '2027-04-30T01:00:00.000-05:00', '2027-04-30T08:00+0200'];

    // when
    const dates = texts.map(parseDateOrDateTime);

    // then
    for (const date of dates) expect(date.toISOString()).toBe('2027-04-30T06:00:00.000Z');
  });

  test('when the date-time has no offset, then it is Stockholm local time, summer or winter', () => {
    // given
    const texts = ['2027-04-30T08:00:00', '2027-01-15T08:00', '2027-01-15T08:00:00.250'];

    // when
    const dates = texts.map(parseDateOrDateTime);

    // then
    expect(dates.map((d) => d.toISOString())).toEqual([
      '2027-04-30T06:00:00.000Z',
      '2027-01-15T07:00:00.000Z',
      '2027-01-15T07:00:00.250Z',
    ]);
  });

  test('when the text is not a date, or the day does not exist, then a Swedish TimerError is thrown', () => {
    // given
    const texts = ['30/4 2027', '2027-4-30', '2027-02-30', '2027-13-01', '2027-04-30T24:00', '2027-04-30 08:00', 'P14D', ''];

    // when
    const failures = texts.map((text) => () => parseDateOrDateTime(text));

    // then
    for (const failure of failures) expect(failure).toThrow(TimerError);
    expect(() => parseDateOrDateTime('2027-02-30')).toThrow('Datumet eller klockslaget finns inte i kalendern.');
    expect(() => parseDateOrDateTime('30/4 2027')).toThrow(/^Datumet kan inte tolkas\. Skriv ett datum som 2027-04-30/);
  });
});
