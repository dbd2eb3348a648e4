import { describe, expect, test, vi } from 'vitest';
import { checkFeel, evaluateCondition, evaluateFeel, ExpressionError } from '../../src/expressions/feel.js';
import { usesReservedName } from '../../src/expressions/feel-source.js';

const escapes = [
  'this.constructor.constructor("return process")()',
  'constructor',
  '__proto__',
  'toString',
  'constructor.constructor("return process")()',
  'svar.constructor',
  'svar.__proto__',
  'svar.length',
  'adress.constructor.name',
  'adress.__proto__',
  'adress.toString',
  'adress.hasOwnProperty',
  '{}.constructor',
  '[svar][1].constructor',
  'get value(adress, "constructor")',
  'get value(adress, "__proto__")',
  '(function(x) x).constructor',
];

describe('evaluateFeel security', () => {
  test('when JavaScript is wrapped in ${...}, then checkFeel refuses it and evaluation throws without running it', () => {
    // given
    const expression = "${this.constructor.constructor('return process')()}";
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);

    // when
    const problem = checkFeel(expression);
    const evaluation = () => evaluateFeel(expression, { svar: 'ja' });

    // then
    expect(problem).toMatch(/är inte FEEL/);
    expect(evaluation).toThrow(ExpressionError);
    expect(exit).not.toHaveBeenCalled();
    exit.mockRestore();
  });

  test('when an expression walks to constructors or prototypes, then it is refused, or (for other JavaScript members) reaches nothing', () => {
    // given
    const variables = { svar: 'ja', adress: { ort: 'Umeå' }, this: {} };

    // when
    const outcomes = escapes.map((expression) => {
      try {
        return evaluateFeel(expression, variables);
      } catch (err) {
        return err instanceof ExpressionError ? 'refused' : err;
      }
    });

    // then
    expect(outcomes).toEqual(escapes.map((e) => (usesReservedName(e) ? 'refused' : null)));
  });

  test('when such an expression is used as a condition, then it is refused or false', () => {
    // given
    const variables = { svar: 'ja', adress: { ort: 'Umeå' }, this: {} };

    // when
    const results = escapes.map((expression) => {
      try {
        return evaluateCondition(`=${expression} != null`, variables);
      } catch (err) {
        return err instanceof ExpressionError ? 'refused' : err;
      }
    });

    // then
    expect(results).toEqual(escapes.map((e) => (usesReservedName(e) ? 'refused' : false)));
  });

  test('when variables hold functions, getters or class instances, then FEEL never calls or sees them', () => {
    // given
    const run = vi.fn(() => true);
    const getter = vi.fn(() => 'hemligt');
    const variables: Record<string, unknown> = {
      run,
      nested: { run },
      list: [run],
      fall: new (class Case { id = 1; run = run; })(),
      map: new Map([['a', 1]]),
    };
    Object.defineProperty(variables, 'secret', { get: getter, enumerable: true });

    // when
    const values = ['run()', 'nested.run()', 'list[1]()', 'fall.id', 'map', 'secret', 'list'].map((e) =>
      evaluateFeel(e, variables),
    );

    // then
    expect(values).toEqual([null, null, null, null, null, null, [null]]);
    expect(run).not.toHaveBeenCalled();
    expect(getter).not.toHaveBeenCalled();
  });

  test('when variables carry a __proto__ key from JSON, then nothing is polluted and the key is only data', () => {
    // given
    const variables = JSON.parse('{"__proto__": {"polluted": "ja"}, "adress": {"__proto__": {"polluted": "ja"}}}');

    // when
    const values = ['polluted', 'adress.polluted', '{}.polluted'].map((e) => evaluateFeel(e, variables));

    // then
    expect(values).toEqual([null, null, null]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('when a variable is a Date, then FEEL sees its ISO string as plain data', () => {
    // given
    const variables = { beslut: new Date('2027-01-31T10:00:00Z') };

    // when
    const value = evaluateFeel('beslut', variables);

    // then
    expect(value).toBe('2027-01-31T10:00:00.000Z');
  });

  test('when the caller passes variables, then evaluation does not change them', () => {
    // given
    const variables = { adress: { ort: 'Umeå' } };

    // when
    evaluateFeel('context put(adress, "ort", "Luleå")', variables);

    // then
    expect(variables).toEqual({ adress: { ort: 'Umeå' } });
  });
});

describe('checkFeel and JavaScript object names', () => {
  test('when an expression names constructor, __proto__ or prototype outside a string, then it is refused; inside a string it is plain text', async () => {
    // given
    const { checkFeel } = await import('../../src/expressions/feel.js');
    // when / then
    expect(checkFeel('constructor.constructor("return process")()')).toMatch(/constructor, __proto__ eller prototype/);
    expect(checkFeel('=__proto__.polluted')).toMatch(/inte får förekomma/);
    expect(checkFeel('x.prototype')).toMatch(/inte får förekomma/);
    expect(checkFeel('svar = "constructor"')).toBeNull();
    expect(checkFeel('prototypeNamn = "a"')).toBeNull();
  });
});
