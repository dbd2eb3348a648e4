import { describe, expect, test } from 'vitest';
import { evaluateCondition, evaluateFeel, evaluateFeelValue, ExpressionError } from '../../src/expressions/feel.js';

describe('evaluateFeel', () => {
  test('when the expression yields a FEEL date, then it comes back as YYYY-MM-DD with months clamped', () => {
    // given
    const variables = { beslutsdatum: '2027-01-31' };

    // when
    const value = evaluateFeel('=date(beslutsdatum) + duration("P3M")', variables);

    // then
    expect(value).toBe('2027-04-30');
  });

  test('when the expression yields date-times and durations, then they come back as ISO 8601 strings', () => {
    // given
    const expressions = [
      'date and time("2027-04-30T08:00:00+02:00")',
      'date and time("2027-04-30T08:00:00Z")',
      'date and time("2027-04-30T08:00:00@Europe/Stockholm")',
      'date and time("2027-04-30T08:00:00")',
      'duration("P1Y2M")',
      'duration("PT36H")',
    ];

    // when
    const values = expressions.map((expression) => evaluateFeel(expression, {}));

    // then
    expect(values).toEqual([
      '2027-04-30T08:00:00+02:00',
      '2027-04-30T08:00:00Z',
      '2027-04-30T08:00:00.000+02:00',
      '2027-04-30T08:00:00',
      'P1Y2M',
      'P1DT12H',
    ]);
  });

  test('when the expression yields lists and contexts, then they come back as plain arrays and objects', () => {
    // given
    const variables = { barn: [{ namn: 'A', alder: 4 }, { namn: 'B', alder: 9 }] };

    // when
    const value = evaluateFeel('{ antal: count(barn), aldrar: barn.alder, datum: [date("2027-01-31")], x: null }', variables);

    // then
    expect(value).toEqual({ antal: 2, aldrar: [4, 9], datum: ['2027-01-31'], x: null });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  test('when nested variables are read with FEEL context functions, then they behave as FEEL contexts', () => {
    // given
    const variables = { adress: { ort: 'Umeå', postnummer: '90326' } };

    // when
    const value = evaluateFeel('[adress.ort, get value(adress, "postnummer"), count(get entries(adress))]', variables);

    // then
    expect(value).toEqual(['Umeå', '90326', 2]);
  });

  test('when a variable is missing or the operation has no meaning, then the value is null', () => {
    // given
    const expressions = ['saknas + 1', '1 / 0', '"a" + 1', '[1..3]', 'function(a) a'];

    // when
    const values = expressions.map((expression) => evaluateFeel(expression, {}));

    // then
    expect(values).toEqual([null, null, null, null, null]);
  });

  test('when the expression does not parse, then an ExpressionError with a Swedish message is thrown', () => {
    // given
    const expression = 'belopp >';

    // when
    const evaluation = () => evaluateFeel(expression, { belopp: 1 });

    // then
    expect(evaluation).toThrow(ExpressionError);
    expect(evaluation).toThrow(/ofullständigt/);
  });

  test('when a clock time is given, then now() and today() follow it in Stockholm instead of the system', () => {
    // given
    const now = new Date('2027-01-31T23:30:00Z');

    // when
    const value = evaluateFeel('[string(now()), today()]', {}, { now });

    // then
    expect(value).toEqual(['2027-01-31T23:30:00Z', '2027-02-01']);
  });
});

describe('evaluateFeelValue', () => {
  test('when a variable is missing, then its name is reported and the value is null', () => {
    // given
    const expression = '=date(beslutsdatum) + duration("P3M")';

    // when
    const evaluation = evaluateFeelValue(expression, {});

    // then
    expect(evaluation).toEqual({ result: { type: 'other', value: null }, missingVariables: ['beslutsdatum'] });
  });

  test('when the value is a FEEL date, date-time or duration, then the type says so', () => {
    // given
    const expressions = ['date("2027-01-31")', 'date and time("2027-01-31T10:00:00Z")', 'duration("P3M")', '"P3M"'];

    // when
    const types = expressions.map((expression) => evaluateFeelValue(expression, {}).result.type);

    // then
    expect(types).toEqual(['date', 'dateTime', 'duration', 'other']);
  });
});

describe('evaluateCondition', () => {
  test('when the condition holds, with or without a leading =, then it is true', () => {
    // given
    const variables = { svar: 'ja', belopp: 150 };

    // when
    const results = ['svar = "ja"', '=svar = "ja"', 'belopp > 100'].map((c) => evaluateCondition(c, variables));

    // then
    expect(results).toEqual([true, true, true]);
  });

  test('when the condition does not hold, then it is false', () => {
    // given
    const variables = { svar: 'nej', belopp: 50 };

    // when
    const results = ['svar = "ja"', '=svar = "ja"', 'belopp > 100'].map((c) => evaluateCondition(c, variables));

    // then
    expect(results).toEqual([false, false, false]);
  });

  test('when the variable is missing, null or the value is not a boolean, then it is false', () => {
    // given
    const cases: [string, Record<string, unknown>][] = [
      ['belopp > 100', {}],
      ['belopp > 100', { belopp: null }],
      ['belopp > 100', { belopp: 'mycket' }],
      ['svar', { svar: 'true' }],
      ['belopp', { belopp: 1 }],
    ];

    // when
    const results = cases.map(([condition, variables]) => evaluateCondition(condition, variables));

    // then
    expect(results).toEqual([false, false, false, false, false]);
  });

  test('when the condition is not FEEL, then an ExpressionError is thrown rather than a branch chosen', () => {
    // given
    const condition = '${environment.variables.belopp > 100}';

    // when
    const evaluation = () => evaluateCondition(condition, { belopp: 150 });

    // then
    expect(evaluation).toThrow(ExpressionError);
  });
});
