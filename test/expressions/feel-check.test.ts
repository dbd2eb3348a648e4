import { describe, expect, test } from 'vitest';
import { checkFeel } from '../../src/expressions/feel.js';

describe('checkFeel', () => {
  test('when a condition is valid FEEL, with or without a leading =, then it is accepted', () => {
    // given
    const expressions = ['svar = "ja"', '=svar = "ja"', '  = belopp > 100 ', 'date(beslutsdatum) + duration("P3M")'];

    // when
    const problems = expressions.map(checkFeel);

    // then
    expect(problems).toEqual([null, null, null, null]);
  });

  test('when the expression is JUEL style ${...}, then it is refused with a message saying it is not FEEL', () => {
    // given
    const expressions = ['${environment.variables.belopp > 100}', '=${svar}', 'svar = ${x}'];

    // when
    const problems = expressions.map(checkFeel);

    // then
    for (const problem of problems) expect(problem).toMatch(/\$\{\.\.\.\} är inte FEEL/);
  });

  test('when ${ only appears inside a FEEL string, then the expression is accepted', () => {
    // given
    const expression = 'text = "${inte ett uttryck}"';

    // when
    const problem = checkFeel(expression);

    // then
    expect(problem).toBeNull();
  });

  test('when the expression is incomplete, then the Swedish message says where', () => {
    // given
    const expression = '=belopp >';

    // when
    const problem = checkFeel(expression);

    // then
    expect(problem).toBe('Uttrycket är inte giltig FEEL: det är ofullständigt vid tecken 10.');
  });

  test('when the expression has a stray token, then the message names it and its position in the raw text', () => {
    // given
    const expression = '= svar = "ja")';

    // when
    const problem = checkFeel(expression);

    // then
    expect(problem).toBe('Uttrycket är inte giltig FEEL: oväntat ")" vid tecken 14.');
  });

  test('when a JavaScript comparison == or === is used, then it is refused instead of silently giving null', () => {
    // given
    const expressions = ['svar == "ja"', '=svar === "ja"', 'svar !== "ja"'];

    // when
    const problems = expressions.map(checkFeel);

    // then
    for (const problem of problems) expect(problem).toMatch(/^FEEL jämför med ett enkelt =/);
  });

  test('when the expression is empty or only =, then it is refused as empty', () => {
    // given
    const expressions = ['', '=', '  =  '];

    // when
    const problems = expressions.map(checkFeel);

    // then
    expect(problems).toEqual(['Uttrycket är tomt.', 'Uttrycket är tomt.', 'Uttrycket är tomt.']);
  });
});
