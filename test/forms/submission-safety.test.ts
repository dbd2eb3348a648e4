// What a submission may not do: add fields, write readonly fields, reach a prototype, or hide some of its errors.
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { fieldMessages, validateSubmission } from '../../src/forms/index.js';
import { everyType, field } from './form-fixtures.js';

const notAnObject = 'Uppgifterna måste skickas som ett objekt med ett värde per fält.';

describe('validateSubmission', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  test('when the input has keys the form does not declare, then each is an unknown field', () => {
    // given
    const input = { namn: 'Anna', roll: 'admin', status: 'klar' };

    // when
    const result = validateSubmission(everyType(), input, 'json');

    // then
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'roll', message: fieldMessages.unknown },
        { field: 'status', message: fieldMessages.unknown },
      ],
    });
  });

  test('when a readonly field is submitted, then it is dropped silently, even with a wrong type', () => {
    // given
    const fields = [field('beslutsdatum', 'date', { readonly: true, required: true }), field('namn', 'string')];

    // when
    const results = (['json', 'html'] as const).map((mode) =>
      validateSubmission(fields, { beslutsdatum: 12, namn: 'Anna' }, mode),
    );

    // then
    expect(results).toEqual([
      { ok: true, values: { namn: 'Anna' } },
      { ok: true, values: { namn: 'Anna' } },
    ]);
  });

  test.each([
    ['null', null],
    ['an array', [{ namn: 'Anna' }]],
    ['a string', 'namn=Anna'],
    ['a date', new Date(0)],
    ['a class instance', new (class Svar { namn = 'Anna'; })()],
  ])('when the input is %s, then one error without a field says what is expected', (_situation, input) => {
    // when
    const result = validateSubmission(everyType(), input, 'json');

    // then
    expect(result).toEqual({ ok: false, errors: [{ field: '', message: notAnObject }] });
  });

  test('when JSON carries __proto__ and constructor keys, then they are unknown fields and pollute nothing', () => {
    // given
    const input: unknown = JSON.parse('{"namn":"Anna","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');

    // when
    const result = validateSubmission(everyType(), input, 'json');

    // then
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: '__proto__', message: fieldMessages.unknown },
        { field: 'constructor', message: fieldMessages.unknown },
      ],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('when a submission is valid, then its values have no prototype to reach through', () => {
    // when
    const result = validateSubmission(everyType(), { namn: 'Anna' }, 'html');

    // then
    expect(result.ok && Object.getPrototypeOf(result.values)).toBeNull();
  });

  test('when a field is named like an inherited property, then absence is not mistaken for a value', () => {
    // given
    const fields = [field('toString', 'string', { required: true }), field('valueOf', 'long')];

    // when
    const result = validateSubmission(fields, {}, 'json');

    // then
    expect(result).toEqual({ ok: false, errors: [{ field: 'toString', message: fieldMessages.required }] });
  });

  test('when many fields are wrong at once, then every field gets its message in one answer', () => {
    // given
    const fields = [
      field('namn', 'string', { required: true }),
      field('motivering', 'text', { minlength: 10 }),
      ...everyType().filter((f) => f.id !== 'namn' && f.id !== 'motivering'),
    ];
    const input = { motivering: 'kort', antal: 'tre', godkand: 'ja', beslutsdatum: '2027-13-01', svar: 'kanske', extra: 1 };

    // when
    const result = validateSubmission(fields, input, 'json');

    // then
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'namn', message: fieldMessages.required },
        { field: 'motivering', message: fieldMessages.minlength(10) },
        { field: 'antal', message: fieldMessages.long },
        { field: 'godkand', message: fieldMessages.boolean },
        { field: 'beslutsdatum', message: fieldMessages.date },
        { field: 'svar', message: fieldMessages.enum },
        { field: 'extra', message: fieldMessages.unknown },
      ],
    });
  });

  test('when any form body is posted, then validation answers without throwing and leaves Object.prototype alone', () => {
    // given
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'namn', 'antal', 'godkand'), fc.string());
    const value = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }));
    const body = fc.dictionary(key, value, { noNullPrototype: false });

    // when / then
    fc.assert(
      fc.property(body, (input) => {
        const result = validateSubmission(everyType(), input, 'html');
        expect(Object.prototype).not.toHaveProperty('polluted');
        expect(Object.keys(Object.prototype)).toEqual([]);
        if (result.ok) expect(Object.keys(result.values).every((k) => everyType().some((f) => f.id === k))).toBe(true);
      }),
    );
  });
});
