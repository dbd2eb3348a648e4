// Unit tests of the `${…}` translator: what the small grammar takes becomes FEEL that parses, the rest is refused.
import { describe, expect, test } from 'vitest';
import { checkFeel } from '../../src/expressions/index.js';
import { translateCondition, translateName } from '../../src/engine/definitions/normalize-conditions.js';

describe('translateCondition', () => {
  test.each([
    ['${approved}', 'approved'],
    ['${!approved}', 'not(approved)'],
    ['${ amount > 1000 }', 'amount > 1000'],
    ["${svar == 'ja'}", 'svar = "ja"'],
    ['${svar != "nej"}', 'svar != "nej"'],
    ['${beslut.typ == "bifall" && antal >= 2}', 'beslut.typ = "bifall" and antal >= 2'],
    ['${a == 1 || (b <= 2.5 && !c)}', 'a = 1 or (b <= 2.5 and not(c))'],
    ['${not (a and b) or c}', 'not(a and b) or c'],
    ['${x eq "it\'s" and y ne null}', 'x = "it\'s" and y != null'],
    ['${a lt -3 || a gt 3}', 'a < -3 or a > 3'],
    ['${(a == b) == true}', '(a = b) = true'],
    ["${text == 'säger \\'hej\\' och \"då\"'}", 'text = "säger \'hej\' och \\"då\\""'],
    ['${a < b == c}', '(a < b) = c'],
    ['${!(a || b) && c}', 'not(a or b) and c'],
  ])('when %s is translated, then it reads %s in FEEL and parses as FEEL', (raw, feel) => {
    // given a condition as Camunda 7 and Operaton write it

    // when
    const translated = translateCondition(raw);

    // then
    expect(translated).toEqual({ ok: true, feel });
    expect(checkFeel(feel)).toBeNull();
  });

  test.each([
    ['${execution.getVariable("x") == 1}', 'anrop som execution.getVariable(…)'],
    ['${environment.services.spion("angripare", 42)}', 'kommatecken'],
    ['${environment.services.spion()}', 'anrop som environment.services.spion(…)'],
    ["${this.constructor.constructor('return process')()}", 'namnet constructor är reserverat'],
    ['${lista[0] == 1}', 'hakparenteser'],
    ['${a ? b : c}', 'villkorsoperatorn ? :'],
    ['${a + 1 > 2}', 'räkneoperatorer'],
    ['${a - 1 > 2}', 'räkneoperatorer'],
    ['${empty lista}', 'operatorn empty'],
    ['${a = 1}', 'ett ensamt ='],
    ['${a == }', 'tar slut för tidigt'],
    ['${(a == 1}', 'en ) saknas'],
    ['${a} and ${b}', 'bara ett ${…}'],
    ['${}', 'uttrycket är tomt'],
    ['${a == 1e3}', 'tal skrivs som'],
    ["${a == 'öppen}", 'avslutande citattecken'],
    ['${a.}', 'efter en punkt'],
    ['${if == 1}', 'namnet if är reserverat'],
    ['approved == true', 'inte skrivet som ${…}'],
  ])('when %s is translated, then it is refused saying %s', (raw, reason) => {
    // given an expression beyond the grammar

    // when
    const translated = translateCondition(raw);

    // then
    expect(translated.ok).toBe(false);
    expect(translated.ok ? '' : translated.reason).toContain(reason);
  });
});

describe('translateName', () => {
  test('when a timer says ${name}, then it reads =name', () => {
    // given / when / then
    expect(translateName('${paminnelse.datum}')).toEqual({ ok: true, feel: '=paminnelse.datum' });
  });

  test('when a timer says more than a name, then it is refused', () => {
    // given / when
    const translated = translateName('${dateTime().plusDays(3)}');

    // then
    expect(translated.ok).toBe(false);
  });

  test('when a timer compares, then it is refused saying only a name translates', () => {
    // given / when
    const translated = translateName('${a == 1}');

    // then
    expect(translated).toEqual({ ok: false, reason: expect.stringContaining('bara ett namn') });
  });
});
