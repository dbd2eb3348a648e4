// The form reader on real bpmn-moddle objects: the fields it returns from start events and user tasks.
import { describe, expect, test } from 'vitest';
import { readFormFields } from '../../src/forms/index.js';
import { file, formData, parseFormElement, readTaskForm } from './parse-form-element.js';

describe('readFormFields', () => {
  test('when a user task has a form of every type, then each field is read with its label, constraints and values', async () => {
    // given
    const fieldsXml = `
      <camunda:formField id="namn" label="Namn" type="string">
        <camunda:validation>
          <camunda:constraint name="required" />
          <camunda:constraint name="minlength" config="2" />
          <camunda:constraint name="maxlength" config="200" />
        </camunda:validation>
      </camunda:formField>
      <camunda:formField id="motivering" label="Motivering" type="text" />
      <camunda:formField id="antal_dagar" label="Antal dagar" type="long" defaultValue="14">
        <camunda:validation>
          <camunda:constraint name="min" config="1" />
          <camunda:constraint name="max" config="90" />
        </camunda:validation>
      </camunda:formField>
      <camunda:formField id="godkand" label="Godkänd" type="boolean" defaultValue="false" />
      <camunda:formField id="beslutsdatum" type="date">
        <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
      </camunda:formField>
      <camunda:formField id="svar" label="Svar" type="enum" defaultValue="ja">
        <camunda:value id="ja" name="Ja, tackar" />
        <camunda:value id="nej" />
      </camunda:formField>`;

    // when
    const { fields, problems } = await readTaskForm(fieldsXml);

    // then
    expect(problems).toEqual([]);
    expect(fields).toEqual([
      { id: 'namn', label: 'Namn', type: 'string', required: true, readonly: false, minlength: 2, maxlength: 200 },
      { id: 'motivering', label: 'Motivering', type: 'text', required: false, readonly: false },
      { id: 'antal_dagar', label: 'Antal dagar', type: 'long', required: false, readonly: false, min: 1, max: 90, defaultValue: '14' },
      { id: 'godkand', label: 'Godkänd', type: 'boolean', required: false, readonly: false, defaultValue: 'false' },
      { id: 'beslutsdatum', label: 'beslutsdatum', type: 'date', required: false, readonly: true },
      {
        id: 'svar',
        label: 'Svar',
        type: 'enum',
        required: false,
        readonly: false,
        defaultValue: 'ja',
        values: [
          { id: 'ja', name: 'Ja, tackar' },
          { id: 'nej', name: 'nej' },
        ],
      },
    ]);
  });

  test('when the start event carries the form, then it is read the same way', async () => {
    // given
    const element = await parseFormElement(
      { start: formData('<camunda:formField id="personnummer" label="Personnummer" type="string" />') },
      'start',
    );

    // when
    const { fields, problems } = readFormFields(element, file);

    // then
    expect(problems).toEqual([]);
    expect(fields.map((f) => f.id)).toEqual(['personnummer']);
  });

  test('when an element has no formData, then its form is empty and nothing is wrong', async () => {
    // given
    const bare = await parseFormElement({});
    const otherExtensions = await parseFormElement({
      task: '<camunda:properties><camunda:property name="rutin" value="lss" /></camunda:properties>',
    });

    // when
    const results = [readFormFields(bare, file), readFormFields(otherExtensions, file)];

    // then
    expect(results).toEqual([
      { fields: [], problems: [] },
      { fields: [], problems: [] },
    ]);
  });
});
