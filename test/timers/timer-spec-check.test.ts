import { describe, expect, test } from 'vitest';
import { checkTimer, type TimerKind } from '../../src/timers/timer-spec.js';

describe('checkTimer', () => {
  test('when each kind has a valid ISO 8601 value or FEEL, then it is accepted', () => {
    // given
    const cases: [TimerKind, string][] = [
      ['timeDuration', 'P14D'],
      ['timeDuration', ' P3M\n'],
      ['timeDate', '2027-04-30T08:00:00+02:00'],
      ['timeDate', '2027-04-30'],
      ['timeCycle', 'R/P3M'],
      ['timeCycle', 'R3/P6M'],
      ['timeCycle', 'R-1/2027-04-15T08:00:00/P1M'],
      ['timeDate', '=date(beslutsdatum) + duration("P3M")'],
      ['timeCycle', '="R/" + string(date(beslutsdatum) + duration("P3M")) + "/P3M"'],
    ];

    // when
    const problems = cases.map(([kind, raw]) => checkTimer(kind, raw));

    // then
    expect(problems).toEqual(cases.map(() => null));
  });

  test('when the value does not fit its kind, then a Swedish message says what to write', () => {
    // given
    const cases: [TimerKind, string, RegExp][] = [
      ['timeDuration', '3 months', /^En varaktighet skrivs i ISO 8601 och börjar med P/],
      ['timeDuration', '2027-04-30', /^Det här är ett datum, inte en varaktighet/],
      ['timeDuration', 'PT0.05S', /^Varaktigheten har en decimal \(0\.05\)/],
      ['timeDate', '=date(beslutsdatum) + duration("P1H")', /^En varaktighet i uttrycket går inte att tolka\. Timmar, minuter och sekunder skrivs efter ett T, som PT1H/],
      ['timeDate', 'P14D', /^Datumet kan inte tolkas/],
      ['timeDate', '2027-02-30', /^Datumet eller klockslaget finns inte/],
      ['timeCycle', 'P3M', /^Upprepningen kan inte tolkas/],
      ['timeCycle', 'R/PT0S', /^Upprepningens varaktighet måste vara längre än noll/],
      ['timeDuration', '', /^Timern saknar värde/],
    ];

    // when
    const problems = cases.map(([kind, raw]) => checkTimer(kind, raw));

    // then
    problems.forEach((problem, index) => expect(problem).toMatch(cases[index]![2]));
  });

  test('when the value uses ${...} or invalid FEEL, then it is refused', () => {
    // given
    const cases: [TimerKind, string][] = [
      ['timeDate', '${environment.variables.beslutsdatum}'],
      ['timeDuration', '=${frist}'],
      ['timeDate', '=date(beslutsdatum) +'],
    ];

    // when
    const [juel, feelJuel, incomplete] = cases.map(([kind, raw]) => checkTimer(kind, raw));

    // then
    expect(juel).toMatch(/^Ett \$\{…\}- eller #\{…\}-uttryck i en timer läses bara när det är ett namn/);
    expect(feelJuel).toMatch(/\$\{\.\.\.\} är inte FEEL/);
    expect(incomplete).toMatch(/^Uttrycket är inte giltig FEEL: det är ofullständigt/);
  });
});
