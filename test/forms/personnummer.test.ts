// Personnummer where a routine needs one (checked, one way of writing it) and nowhere a field says it must not be.
import { describe, expect, test } from 'vitest';
import { maskPersonnummer, validateSubmission } from '../../src/forms/index.js';
import { readTaskForm } from './parse-form-element.js';

describe('personnummer', () => {
  test('when a field is of type personnummer, then 10 or 12 digits with a right check digit are stored as ÅÅÅÅMMDD-NNNN, others refused', async () => {
    // given
    const { fields } = await readTaskForm('<camunda:formField id="pnr" label="Personnummer" type="personnummer" />');
    // when
    const written = ['640823-3234', '6408233234', '19640823-3234', '701063-2391'].map((pnr) => validateSubmission(fields, { pnr }, 'json'));
    const wrong = validateSubmission(fields, { pnr: '640823-3233' }, 'json');
    // then
    expect(written.map((r) => (r.ok ? r.values.pnr : null))).toEqual(['19640823-3234', '19640823-3234', '19640823-3234', '19701063-2391']);
    expect(wrong.ok).toBe(false);
  });

  test('when a text field says it must not hold a personnummer, then text with one is refused and a reference is not', async () => {
    // given
    const { fields } = await readTaskForm('<camunda:formField id="brukare" label="Brukare (referens i verksamhetssystemet, inte personnummer)" type="string" />');
    // when
    const withNumber = ['Anna 19121212-1212', '640823 3234', 'Anna (6408233234)'].map((brukare) => validateSubmission(fields, { brukare }, 'json'));
    const reference = ['Brukare-42', 'Anna Berg', 'Ärende 2027-0115-1'].map((brukare) => validateSubmission(fields, { brukare }, 'json'));
    // then
    expect(withNumber.map((r) => r.ok)).toEqual([false, false, false]);
    expect(withNumber[0]).toEqual({ ok: false, errors: [{ field: 'brukare', message: 'Fältet får inte innehålla ett personnummer. Skriv referensen som den står i verksamhetssystemet.' }] });
    expect(reference.map((r) => r.ok)).toEqual([true, true, true]);
  });

  test('when a personnummer is shown where the full number is not needed, then the last four digits are hidden', () => {
    expect(maskPersonnummer('19640823-3234')).toBe('19640823-****');
  });
});
