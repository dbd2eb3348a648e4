// Reference fields and date limits as a form reads and resolves them: the filter from camunda:properties, the
// registers' choices and today's limits filled in when the form is shown or checked.
import { describe, expect, test } from 'vitest';
import { resolveForm, validateSubmission, type FormChoices } from '../../src/forms/index.js';
import { readTaskForm } from './parse-form-element.js';

/** Registers that answer with what they were asked, so a test sees which filter reached them. */
const choices: FormChoices = {
  apartments: (status) => [{ id: `a-${status}`, name: `Lindgården 1 (${status})` }],
  queueEntries: (insats) => [{ id: 'q-1', name: `Sökande-A – ${insats ?? 'alla'}` }],
  users: (role) => [{ id: role, name: `${role} (demo)` }],
  units: () => [{ id: 'ekbacken', name: 'Ekbacken (LSS, Gruppbostad)' }],
  offers: () => [],
  today: () => '2027-03-31',
};

describe('reference fields and date limits', () => {
  test('when a form has reference fields, then each asks its register with the filter its properties give', async () => {
    // given
    const { fields, problems } = await readTaskForm(`
      <camunda:formField id="lagenhet" type="apartment" />
      <camunda:formField id="lamnad" type="apartment"><camunda:properties><camunda:property id="status" value="uthyrd" /></camunda:properties></camunda:formField>
      <camunda:formField id="sokande" type="queueEntry"><camunda:properties><camunda:property id="insats" value="Särskilt boende" /></camunda:properties></camunda:formField>
      <camunda:formField id="ansvarig" type="user"><camunda:properties><camunda:property id="role" value="arbetsterapeut" /></camunda:properties></camunda:formField>
      <camunda:formField id="boende" type="unit" />`);
    // when
    const resolved = resolveForm(fields, choices);
    // then
    expect(problems).toEqual([]);
    expect(resolved.map((f) => f.values)).toEqual([
      [{ id: 'a-ledig', name: 'Lindgården 1 (ledig)' }],
      [{ id: 'a-uthyrd', name: 'Lindgården 1 (uthyrd)' }],
      [{ id: 'q-1', name: 'Sökande-A – Särskilt boende' }],
      [{ id: 'arbetsterapeut', name: 'arbetsterapeut (demo)' }],
      [{ id: 'ekbacken', name: 'Ekbacken (LSS, Gruppbostad)' }],
    ]);
  });

  test('when date limits count from today, then they are days on the day the form is checked, months clamped to their end', async () => {
    // given
    const { fields } = await readTaskForm(`
      <camunda:formField id="beslutsdatum" type="date"><camunda:validation><camunda:constraint name="min" config="today-P1M" /><camunda:constraint name="max" config="today" /></camunda:validation></camunda:formField>`);
    // when
    const resolved = resolveForm(fields, choices);
    const early = validateSubmission(resolved, { beslutsdatum: '2027-02-27' }, 'json');
    const late = validateSubmission(resolved, { beslutsdatum: '2027-04-01' }, 'json');
    const edges = [validateSubmission(resolved, { beslutsdatum: '2027-02-28' }, 'json'), validateSubmission(resolved, { beslutsdatum: '2027-03-31' }, 'json')];
    // then
    expect(resolved[0]).toMatchObject({ earliest: '2027-02-28', latest: '2027-03-31' });
    expect(early).toEqual({ ok: false, errors: [{ field: 'beslutsdatum', message: 'Datumet kan inte vara före 2027-02-28.' }] });
    expect(late).toEqual({ ok: false, errors: [{ field: 'beslutsdatum', message: 'Datumet kan inte vara efter 2027-03-31.' }] });
    expect(edges.map((r) => r.ok)).toEqual([true, true]);
  });

  test('when a form depends on nothing that changes, then resolving gives the same list, so its checks stay built once', async () => {
    // given
    const { fields } = await readTaskForm('<camunda:formField id="namn" type="string" /><camunda:formField id="datum" type="date" />');
    // when / then
    expect(resolveForm(fields, choices)).toBe(fields);
  });
});
