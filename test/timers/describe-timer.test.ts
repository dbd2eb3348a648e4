import { describe, expect, it } from 'vitest';
import { describeTimer } from '../../src/timers/describe-timer.js';

const words = (kind: Parameters<typeof describeTimer>[0], raw: string) => {
  const result = describeTimer(kind, raw);
  if (!result.ok) throw new Error(result.message);
  return result.text;
};

describe('a timer in words for the editor', () => {
  it('reads the IVO cycle of the routines as the analyst would say it', () => {
    expect(words('timeCycle', '="R/" + string(date(beslutsdatum) + duration("P3M")) + "/P3M"')).toBe(
      '3 månader efter beslutsdatum, sedan var 3:e månad',
    );
    expect(words('timeCycle', '="R/" + string(date(inflyttningsdatum) + duration("P6M")) + "/P6M"')).toBe(
      '6 månader efter inflyttningsdatum, sedan var 6:e månad',
    );
    expect(words('timeCycle', '="R/" + string(date(beslutsdatum) + duration("P1Y")) + "/P1Y"')).toBe('1 år efter beslutsdatum, sedan varje år');
  });

  it('reads durations, dates and cycles written in ISO 8601', () => {
    expect(words('timeDuration', 'P21D')).toBe('21 dagar efter att flödet når timern');
    expect(words('timeDuration', 'P1Y6M')).toBe('1 år och 6 månader efter att flödet når timern');
    expect(words('timeDate', '2027-04-30')).toBe('den 30 april 2027');
    expect(words('timeDate', '2027-04-30T06:00:00Z')).toBe('den 30 april 2027 kl. 08:00');
    expect(words('timeCycle', 'R/P7D')).toBe('var 7:e dag, första gången 7 dagar efter att flödet når timern');
    expect(words('timeCycle', 'R4/2027-04-15/P2W')).toBe('den 15 april 2027, sedan var 2:a vecka (4 gånger)');
    expect(words('timeCycle', 'R/P1M')).toBe('varje månad, första gången 1 månad efter att flödet når timern');
  });

  it('reads FEEL dates counted from a variable', () => {
    expect(words('timeDate', '=date(mottagenDatum) + duration("P15D")')).toBe('15 dagar efter mottagenDatum');
    expect(words('timeDate', '=date(ivoBevakningsdatum)')).toBe('dagen som anges i ivoBevakningsdatum');
    expect(words('dueDate', '=sistaSvarsdag')).toBe('dagen som anges i sistaSvarsdag');
    expect(words('dueDate', 'P14D')).toBe('14 dagar efter att uppgiften skapats');
  });

  it('quotes an expression it has no words for instead of guessing', () => {
    expect(words('timeDate', '=if x = null then today() else date(x)')).toBe('beräknas av uttrycket if x = null then today() else date(x)');
  });

  it('reads a bare variable as a day only where a date is expected, and counts one repetition as "1 gång"', () => {
    expect(words('timeDuration', '=vantetid')).toBe('beräknas av uttrycket vantetid');
    expect(words('timeCycle', 'R1/P3M')).toBe('var 3:e månad, första gången 3 månader efter att flödet når timern (1 gång)');
  });

  it('says why a value cannot be used, as the publish check would', () => {
    expect(describeTimer('timeDate', '=date(x) + duration("P1H")')).toEqual({ ok: false, message: expect.stringContaining('En varaktighet i uttrycket går inte att tolka.') });
    expect(describeTimer('timeDuration', '14 dagar')).toEqual({ ok: false, message: expect.stringContaining('ISO 8601') });
    expect(describeTimer('timeDate', '${x}')).toEqual({ ok: false, message: expect.stringContaining('FEEL') });
    expect(describeTimer('timeCycle', '')).toEqual({ ok: false, message: 'Timern saknar värde.' });
  });
});
