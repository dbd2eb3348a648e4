// Submissions from server-rendered HTML forms: every value a string, '' absent, checkboxes absent when unticked.
import { describe, expect, test } from 'vitest';
import { fieldMessages, validateSubmission } from '../../src/forms/index.js';
import { everyType, field } from './form-fixtures.js';

describe('validateSubmission in html mode', () => {
  test('when every type arrives as a string, then the values come out typed', () => {
    // given
    const input = { namn: ' Anna ', motivering: 'Rad ett\r\nRad två', antal: ' -42 ', godkand: 'on', beslutsdatum: '2027-01-31', svar: 'ja' };

    // when
    const result = validateSubmission(everyType(), input, 'html');

    // then
    expect(result).toEqual({
      ok: true,
      values: { namn: 'Anna', motivering: 'Rad ett\nRad två', antal: -42, godkand: true, beslutsdatum: '2027-01-31', svar: 'ja' },
    });
  });

  test('when the form is sent empty, then empty strings are absent and the unticked checkbox is false', () => {
    // given
    const input = { namn: '', motivering: '', antal: '', beslutsdatum: '', svar: '' };

    // when
    const result = validateSubmission(everyType(), input, 'html');

    // then
    expect(result).toEqual({ ok: true, values: { godkand: false } });
  });

  test.each([
    ['on', true],
    ['true', true],
    ['false', false],
    [undefined, false],
  ])('when a required checkbox sends %s, then it is answered with %s', (sent, expected) => {
    // given
    const input = sent === undefined ? {} : { godkand: sent };

    // when
    const result = validateSubmission([field('godkand', 'boolean', { required: true })], input, 'html');

    // then
    expect(result).toEqual({ ok: true, values: { godkand: expected } });
  });

  test.each([
    ['a long with decimals', 'antal', '4.2', fieldMessages.long],
    ['a long in exponent form', 'antal', '1e3', fieldMessages.long],
    ['a long with words', 'antal', 'tre', fieldMessages.long],
    ['a long too large to hold exactly', 'antal', '99999999999999999999', fieldMessages.long],
    ['a checkbox with another word', 'godkand', 'ja', fieldMessages.boolean],
    ['a date in Swedish order', 'beslutsdatum', '31/1 2027', fieldMessages.date],
    ['an enum value not offered', 'svar', 'kanske', fieldMessages.enum],
    ['a field sent twice', 'namn', ['Anna', 'Bo'], fieldMessages.text],
  ])('when %s is posted, then the field gets its message', (_situation, id, value, message) => {
    // when
    const result = validateSubmission(everyType(), { [id]: value }, 'html');

    // then
    expect(result).toEqual({ ok: false, errors: [{ field: id, message }] });
  });

  test('when a required text or number is posted empty, then it is obligatory', () => {
    // given
    const fields = [field('namn', 'string', { required: true }), field('antal', 'long', { required: true })];

    // when
    const result = validateSubmission(fields, { namn: '  ', antal: '' }, 'html');

    // then
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'namn', message: fieldMessages.required },
        { field: 'antal', message: fieldMessages.required },
      ],
    });
  });

  test('when a posted number is outside its range, then the range message is shown', () => {
    // given
    const fields = [field('antal', 'long', { min: 1, max: 90 })];

    // when
    const results = [validateSubmission(fields, { antal: '0' }, 'html'), validateSubmission(fields, { antal: '091' }, 'html')];

    // then
    expect(results).toEqual([
      { ok: false, errors: [{ field: 'antal', message: fieldMessages.min(1) }] },
      { ok: false, errors: [{ field: 'antal', message: fieldMessages.max(90) }] },
    ]);
  });
});
