// Submissions from the JSON API: strict JSON types, every type, every constraint and the hard length cap.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fieldMessages, isCalendarDate, toSubmissionSchema, validateSubmission } from '../../src/forms/index.js';
import { everyType, field } from './form-fixtures.js';

describe('validateSubmission in json mode', () => {
  test('when every type gets a valid value, then the values come out typed, trimmed and in field order', () => {
    // given
    const input = {
      svar: 'nej',
      namn: '  Anna Andersson ',
      motivering: ' Rad ett\r\nRad två\n',
      antal: 14,
      godkand: false,
      beslutsdatum: '2028-02-29',
    };

    // when
    const result = validateSubmission(everyType(), input, 'json');

    // then
    expect(result).toEqual({
      ok: true,
      values: { namn: 'Anna Andersson', motivering: 'Rad ett\nRad två', antal: 14, godkand: false, beslutsdatum: '2028-02-29', svar: 'nej' },
    });
    expect(Object.keys(result.ok ? result.values : {})).toEqual(['namn', 'motivering', 'antal', 'godkand', 'beslutsdatum', 'svar']);
  });

  test('when optional fields are absent, null, empty or blank, then they are left out of the values', () => {
    // given
    const input = { namn: '', motivering: '   ', antal: null };

    // when
    const result = validateSubmission(everyType(), input, 'json');

    // then
    expect(result).toEqual({ ok: true, values: {} });
  });

  test.each([
    ['string', field('f', 'string', { required: true }), { f: '  ' }],
    ['long', field('f', 'long', { required: true }), {}],
    ['boolean', field('f', 'boolean', { required: true }), {}],
    ['date', field('f', 'date', { required: true }), { f: null }],
    ['enum', field('f', 'enum', { required: true, values: [{ id: 'ja', name: 'Ja' }] }), { f: '' }],
  ])('when a required %s field is not answered, then it is obligatory', (_type, spec, input) => {
    // when
    const result = validateSubmission([spec], input, 'json');

    // then
    expect(result).toEqual({ ok: false, errors: [{ field: 'f', message: fieldMessages.required }] });
  });

  test.each([
    ['a long given as a string', 'antal', '5', fieldMessages.long],
    ['a long with decimals', 'antal', 2.5, fieldMessages.long],
    ['a long beyond safe integers', 'antal', 2 ** 60, fieldMessages.long],
    ['a boolean given as a string', 'godkand', 'true', fieldMessages.boolean],
    ['a string given as a number', 'namn', 5, fieldMessages.text],
    ['a text given as an array', 'motivering', ['a'], fieldMessages.text],
    ['a date that does not exist', 'beslutsdatum', '2027-02-30', fieldMessages.date],
    ['a date without leading zeros', 'beslutsdatum', '2027-2-3', fieldMessages.date],
    ['a date with a time', 'beslutsdatum', '2027-02-03T10:00:00Z', fieldMessages.date],
    ['a date given as a number', 'beslutsdatum', 20270203, fieldMessages.date],
    ['an enum value that is not offered', 'svar', 'kanske', fieldMessages.enum],
    ['an enum value given by its name', 'svar', 'Ja', fieldMessages.enum],
  ])('when %s is submitted, then the field gets a Swedish type message', (_situation, id, value, message) => {
    // when
    const result = validateSubmission(everyType(), { [id]: value }, 'json');

    // then
    expect(result).toEqual({ ok: false, errors: [{ field: id, message }] });
  });

  test.each([
    ['below minlength', field('f', 'string', { minlength: 3 }), 'ab', fieldMessages.minlength(3)],
    ['at minlength', field('f', 'string', { minlength: 3 }), 'abc', null],
    ['above maxlength', field('f', 'text', { maxlength: 5 }), 'sex ok', fieldMessages.maxlength(5)],
    ['at maxlength, counting a CRLF as one', field('f', 'text', { maxlength: 5 }), 'ab\r\ncd', null],
    ['at maxlength with emoji', field('f', 'string', { maxlength: 2 }), '👍👍', null],
    ['below min', field('f', 'long', { min: 1 }), 0, fieldMessages.min(1)],
    ['at min', field('f', 'long', { min: 1 }), 1, null],
    ['above max', field('f', 'long', { max: 90 }), 91, fieldMessages.max(90)],
    ['at max', field('f', 'long', { max: 90 }), 90, null],
    ['a negative value above a negative min', field('f', 'long', { min: -5 }), -5, null],
    ['over the hard cap without maxlength', field('f', 'text'), 'x'.repeat(10_001), fieldMessages.maxlength(10_000)],
    ['at the hard cap', field('f', 'text'), 'x'.repeat(10_000), null],
    ['over the hard cap despite a larger maxlength', field('f', 'string', { maxlength: 50_000 }), 'x'.repeat(10_001), fieldMessages.maxlength(10_000)],
  ])('when a value is %s, then the constraint decides', (_situation, spec, value, message) => {
    // when
    const result = validateSubmission([spec], { f: value }, 'json');

    // then
    expect(result.ok).toBe(message === null);
    if (!result.ok) expect(result.errors).toEqual([{ field: 'f', message }]);
  });

  test('when the schema is used directly, then it is a zod schema giving the same values', () => {
    // given
    const schema = toSubmissionSchema([field('antal', 'long', { required: true })], 'json');

    // when
    const good = schema.safeParse({ antal: 3 });
    const bad = schema.safeParse({});

    // then
    expect(good.success && { ...good.data }).toEqual({ antal: 3 });
    expect(bad.success).toBe(false);
  });
});

describe('isCalendarDate', () => {
  test('when any day of years 1000–9999 is written as YYYY-MM-DD, then it agrees with the calendar', () => {
    // given
    const day = fc.record({
      year: fc.integer({ min: 1000, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    });

    // when / then
    fc.assert(
      fc.property(day, ({ year, month, day }) => {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const date = new Date(Date.UTC(year, month - 1, day));
        const exists = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        expect(isCalendarDate(text)).toBe(exists);
      }),
    );
  });
});
