import { TZDate } from '@date-fns/tz';
import { describe, expect, test } from 'vitest';
import { nextCycleDue, resolveTimer, TimerError, type TimerKind } from '../../src/timers/timer-spec.js';

/** A wall-clock time in Stockholm as the instant it is. */
function stockholm(day: string, hour = 0, minute = 0): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, hour, minute, 'Europe/Stockholm').getTime());
}

const now = new Date('2027-02-10T09:30:00Z');

describe('resolveTimer', () => {
  test('when FEEL gives three months after the decision, then it is due 00:00 Stockholm that day, once', () => {
    // given
    const raw = '=date(beslutsdatum) + duration("P3M")';

    // when
    const timer = resolveTimer('timeDate', raw, { beslutsdatum: '2027-01-31' }, now);

    // then
    expect(timer).toEqual({ expireAt: new Date('2027-04-29T22:00:00Z'), repeat: 0, cycle: null });
  });

  test('when the decision lies long before now, then the due date is in the past so the timer fires at once', () => {
    // given
    const raw = '=date(beslutsdatum) + duration("P3M")';

    // when
    const timer = resolveTimer('timeDuration', raw, { beslutsdatum: '2020-06-01' }, now);

    // then
    expect(timer.expireAt).toEqual(stockholm('2020-09-01'));
    expect(timer.expireAt.getTime()).toBeLessThan(now.getTime());
  });

  test('when a duration crosses the change to summer time, then 09:00 local stays 09:00 local', () => {
    // given
    const reached = stockholm('2027-03-20', 9);

    // when
    const timer = resolveTimer('timeDuration', 'P14D', {}, reached);

    // then
    expect(timer).toEqual({ expireAt: stockholm('2027-04-03', 9), repeat: 0, cycle: null });
  });

  test('when FEEL gives a date-time or a duration, then it is that instant or now + duration', () => {
    // given
    const variables = { tid: '2027-05-01T10:00:00+02:00', frist: 'P1M' };

    // when
    const instant = resolveTimer('timeDate', '=date and time(tid)', variables, now);
    const later = resolveTimer('timeDuration', '=duration(frist)', variables, now);
    const fromString = resolveTimer('timeDuration', '=if frist = "P1M" then "P14D" else "P1D"', variables, now);

    // then
    expect(instant.expireAt).toEqual(new Date('2027-05-01T08:00:00Z'));
    expect(later.expireAt).toEqual(new Date('2027-03-10T09:30:00Z'));
    expect(fromString.expireAt).toEqual(new Date('2027-02-24T09:30:00Z'));
  });

  test('when a cycle has a start, then it is first due at the start and then every period from it', () => {
    // given
    const raw = 'R/2027-04-15/P3M';

    // when
    const timer = resolveTimer('timeCycle', raw, {}, now);
    const second = nextCycleDue(timer.cycle!, timer.expireAt);
    const third = nextCycleDue(timer.cycle!, second);

    // then
    expect(timer).toEqual({ expireAt: stockholm('2027-04-15'), repeat: -1, cycle: { start: stockholm('2027-04-15'), duration: 'P3M' } });
    expect([second, third]).toEqual([stockholm('2027-07-15'), stockholm('2027-10-15')]);
  });

  test('when a cycle starts on the 31st, then each repetition is the month end or the 31st, without drift', () => {
    // given
    const raw = 'R/2027-01-31/P3M';

    // when
    const timer = resolveTimer('timeCycle', raw, {}, now);
    const dues = [timer.expireAt];
    for (let i = 0; i < 3; i++) dues.push(nextCycleDue(timer.cycle!, dues[dues.length - 1]!));

    // then
    expect(dues).toEqual(['2027-01-31', '2027-04-30', '2027-07-31', '2027-10-31'].map((day) => stockholm(day)));
  });

  test('when FEEL builds a cycle from the decision date, then it starts three months after the decision', () => {
    // given
    const raw = '="R/" + string(date(beslutsdatum) + duration("P3M")) + "/P3M"';

    // when
    const timer = resolveTimer('timeCycle', raw, { beslutsdatum: '2027-01-31' }, now);

    // then
    expect(timer).toEqual({ expireAt: stockholm('2027-04-30'), repeat: -1, cycle: { start: stockholm('2027-04-30'), duration: 'P3M' } });
    expect(nextCycleDue(timer.cycle!, timer.expireAt)).toEqual(stockholm('2027-07-30'));
  });

  test('when a cycle has no start, then it is first due one period after now and counts its firings', () => {
    // given
    const raw = 'R3/P1M';

    // when
    const timer = resolveTimer('timeCycle', raw, {}, now);

    // then
    expect(timer).toEqual({ expireAt: new Date('2027-03-10T09:30:00Z'), repeat: 3, cycle: { start: null, duration: 'P1M' } });
  });

  test('when a variable is missing, then a TimerError names the variable but not any value', () => {
    // given
    const raw = '=date(beslutsdatum) + duration("P3M")';

    // when
    const resolving = () => resolveTimer('timeDate', raw, { namn: 'Anna Andersson' }, now);

    // then
    expect(resolving).toThrow(TimerError);
    expect(resolving).toThrow('Tidsuttrycket gav inget värde: variabeln beslutsdatum saknas.');
  });

  test('when the value is ${...}, invalid FEEL, the wrong type or a bad string, then a TimerError is thrown', () => {
    // given
    const cases: [TimerKind, string, RegExp][] = [
      ['timeDate', '${environment.variables.beslutsdatum}', /i en timer läses bara när det är ett namn/],
      ['timeDate', '=date(beslutsdatum) +', /ofullständigt/],
      ['timeDate', '=42', /ska ge ett datum, en tidpunkt, en varaktighet eller en text/],
      ['timeDate', '=beslutsdatum', /^Datumet kan inte tolkas/],
      ['timeDuration', '=duration("-P1D")', /kan inte vara negativ/],
    ];

    // when
    const resolvings = cases.map(([kind, raw]) => () => resolveTimer(kind, raw, { beslutsdatum: 'i morgon' }, now));

    // then
    resolvings.forEach((resolving, index) => {
      expect(resolving).toThrow(TimerError);
      expect(resolving).toThrow(cases[index]![2]);
    });
  });
});
