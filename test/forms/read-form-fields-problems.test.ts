// The form reader's problems: each names the file, the element and the field, and keeps the field out of the form.
import { describe, expect, test } from 'vitest';
import { fieldMessages } from '../../src/forms/index.js';
import { file, readTaskForm } from './parse-form-element.js';

describe('readFormFields', () => {
  test.each([
    ['an unknown type', '<camunda:formField id="belopp" type="decimal" />', 'belopp', 'okänd typ "decimal"'],
    ['no type', '<camunda:formField id="belopp" />', 'belopp', 'typ saknas'],
    [
      'an unknown constraint',
      '<camunda:formField id="namn" type="string"><camunda:validation><camunda:constraint name="pattern" config="x" /></camunda:validation></camunda:formField>',
      'namn',
      'okänd begränsning "pattern"',
    ],
    [
      'a non-numeric config',
      '<camunda:formField id="namn" type="string"><camunda:validation><camunda:constraint name="maxlength" config="många" /></camunda:validation></camunda:formField>',
      'namn',
      'begränsningen "maxlength" behöver ett heltal, 0 eller större som config, inte "många"',
    ],
    [
      'a numeric constraint without config',
      '<camunda:formField id="antal" type="long"><camunda:validation><camunda:constraint name="min" /></camunda:validation></camunda:formField>',
      'antal',
      'begränsningen "min" behöver ett heltal som config',
    ],
    [
      'a constraint that does not fit the type',
      '<camunda:formField id="klart" type="boolean"><camunda:validation><camunda:constraint name="min" config="1" /></camunda:validation></camunda:formField>',
      'klart',
      'begränsningen "min" gäller inte typen boolean',
    ],
    [
      'a date limit that is neither a day nor today moved by a duration',
      '<camunda:formField id="datum" type="date"><camunda:validation><camunda:constraint name="max" config="igår" /></camunda:validation></camunda:formField>',
      'datum',
      'begränsningen "max" behöver ett datum (2020-01-01) eller today, today-P5Y, today+P1M som config, inte "igår"',
    ],
    [
      'two relative date limits that cross',
      '<camunda:formField id="datum" type="date"><camunda:validation><camunda:constraint name="min" config="today" /><camunda:constraint name="max" config="today-P1D" /></camunda:validation></camunda:formField>',
      'datum',
      'min (today) ligger efter max (today-P1D)',
    ],
    ['a user field without its role', '<camunda:formField id="ansvarig" type="user" />', 'ansvarig', 'ett användarfält behöver egenskapen role'],
    [
      'a user field with a role that does not exist',
      '<camunda:formField id="ansvarig" type="user"><camunda:properties><camunda:property id="role" value="terapeut" /></camunda:properties></camunda:formField>',
      'ansvarig',
      'okänd roll "terapeut" i egenskapen role',
    ],
    [
      'an apartment field with a status it cannot offer',
      '<camunda:formField id="lagenhet" type="apartment"><camunda:properties><camunda:property id="status" value="bokad" /></camunda:properties></camunda:formField>',
      'lagenhet',
      'egenskapen status kan vara ledig, uthyrd, reserverad, inte "bokad"',
    ],
    [
      'a constraint given twice',
      '<camunda:formField id="namn" type="string"><camunda:validation><camunda:constraint name="required" /><camunda:constraint name="required" /></camunda:validation></camunda:formField>',
      'namn',
      'begränsningen "required" anges flera gånger',
    ],
    [
      'a maxlength above the hard cap',
      '<camunda:formField id="namn" type="text"><camunda:validation><camunda:constraint name="maxlength" config="20000" /></camunda:validation></camunda:formField>',
      'namn',
      'maxlength får vara högst 10000',
    ],
    [
      'a field id that is not a plain identifier',
      '<camunda:formField id="antal-dagar" type="long" />',
      'antal-dagar',
      'id:t får bara innehålla',
    ],
    ['a field id that starts with a digit', '<camunda:formField id="1val" type="string" />', '1val', 'id:t får bara innehålla'],
    ['a field id that names a prototype key', '<camunda:formField id="constructor" type="string" />', 'constructor', 'reserverat'],
    ['a field id of __proto__', '<camunda:formField id="__proto__" type="string" />', '__proto__', 'reserverat'],
    ['an enum without values', '<camunda:formField id="svar" type="enum" />', 'svar', 'minst ett alternativ'],
    [
      'an enum with a value id twice',
      '<camunda:formField id="svar" type="enum"><camunda:value id="ja" name="Ja" /><camunda:value id="ja" name="Javisst" /></camunda:formField>',
      'svar',
      'alternativet "ja" finns flera gånger',
    ],
    [
      'values on a field that is not an enum',
      '<camunda:formField id="svar" type="string"><camunda:value id="ja" name="Ja" /></camunda:formField>',
      'svar',
      'är av typen string, inte enum',
    ],
    [
      'min above max',
      '<camunda:formField id="antal" type="long"><camunda:validation><camunda:constraint name="min" config="10" /><camunda:constraint name="max" config="5" /></camunda:validation></camunda:formField>',
      'antal',
      'min (10) är större än max (5)',
    ],
    [
      'minlength above maxlength',
      '<camunda:formField id="namn" type="string"><camunda:validation><camunda:constraint name="minlength" config="10" /><camunda:constraint name="maxlength" config="5" /></camunda:validation></camunda:formField>',
      'namn',
      'minlength (10) är större än maxlength (5)',
    ],
    ['a long default that is no integer', '<camunda:formField id="antal" type="long" defaultValue="tre" />', 'antal', `standardvärdet "tre" är inte giltigt: ${fieldMessages.long}`],
    [
      'a default outside the range',
      '<camunda:formField id="antal" type="long" defaultValue="0"><camunda:validation><camunda:constraint name="min" config="1" /></camunda:validation></camunda:formField>',
      'antal',
      fieldMessages.min(1),
    ],
    ['a date default that is no calendar day', '<camunda:formField id="datum" type="date" defaultValue="2027-02-30" />', 'datum', fieldMessages.date],
    [
      'an enum default that is not among the values',
      '<camunda:formField id="svar" type="enum" defaultValue="kanske"><camunda:value id="ja" name="Ja" /></camunda:formField>',
      'svar',
      fieldMessages.enum,
    ],
  ])('when a form has %s, then the problem names the field and the field is left out', async (_situation, fieldXml, id, message) => {
    // given
    const fieldsXml = `${fieldXml}<camunda:formField id="annat" type="string" />`;

    // when
    const { fields, problems } = await readTaskForm(fieldsXml);

    // then
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, elementId: 'task' });
    expect(problems[0]?.message).toContain(`"${id}"`);
    expect(problems[0]?.message).toContain(message);
    expect(fields.map((f) => f.id)).toEqual(['annat']);
  });

  test('when a field has no id, then the problem says so and names the element', async () => {
    // given
    const fieldsXml = '<camunda:formField label="Namn" type="string" />';

    // when
    const { fields, problems } = await readTaskForm(fieldsXml);

    // then
    expect(fields).toEqual([]);
    expect(problems).toEqual([{ file, elementId: 'task', message: 'Ett formulärfält saknar id. Ge det ett id (variabelns namn, t.ex. beslutsdatum) under "Id" i redigeraren.' }]);
  });

  test('when two fields share an id, then the second is reported and only the first is kept', async () => {
    // given
    const fieldsXml = '<camunda:formField id="namn" label="Namn" type="string" /><camunda:formField id="namn" type="long" />';

    // when
    const { fields, problems } = await readTaskForm(fieldsXml);

    // then
    expect(fields).toEqual([{ id: 'namn', label: 'Namn', type: 'string', required: false, readonly: false }]);
    expect(problems).toEqual([{ file, elementId: 'task', message: 'Formulärfältet "namn" finns flera gånger i formuläret. Ge varje fält ett eget id, eller ta bort det ena.' }]);
  });

  test('when one field has several faults, then each is reported', async () => {
    // given
    const fieldsXml = `
      <camunda:formField id="antal-dagar" type="long">
        <camunda:validation><camunda:constraint name="min" config="x" /><camunda:constraint name="pattern" /></camunda:validation>
      </camunda:formField>`;

    // when
    const { problems } = await readTaskForm(fieldsXml);

    // then
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('id:t får bara innehålla'),
      expect.stringContaining('begränsningen "min" behöver ett heltal'),
      expect.stringContaining('okänd begränsning "pattern"'),
    ]);
  });
});
