// Who reads a case (API.md "Access"): the roles with a part in its process (starting it, a task's group, a bevakning's
// group), whoever holds one of its tasks, the revisor and admin; nobody else, as if it did not exist.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';

let h: Harness;
let id: string;
beforeEach(async () => {
  // web-beslut: started by lss-handlaggare, "Lämna svar" for enhetschef, a reminder bevakning to enhetschef.
  h = await startHarness({ processes: ['web/web-beslut.bpmn'] });
  ({ id } = await h.runtime.startInstance('web-beslut', { variables: { beslutsdatum: '2027-01-10' } }, actors.handlaggare));
});
afterEach(() => h.close());

describe('case access', () => {
  test('when each kind of reader and an outsider ask, then the part-takers, revisor and admin read it and the outsider is told it does not exist', () => {
    // given
    const outsider = { username: 'avgift', roles: ['avgiftshandlaggare'] };
    // when
    const readers = [actors.handlaggare, actors.enhetschef, actors.revisor, actors.admin].map((a) => h.runtime.mayReadCase(id, a));
    const refused = () => h.runtime.assertCanReadCase(id, outsider);
    // then
    expect(readers).toEqual([true, true, true, true]);
    expect(h.runtime.mayReadCase(id, outsider)).toBe(false);
    expect(refused).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => h.runtime.assertCanReadCase('finns-inte', actors.admin)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  test('when the person holding one of its tasks has lost the role meanwhile, then they still read the case while they hold it', async () => {
    // given
    const task = h.runtime.listTasks({ instanceId: id }, actors.enhetschef)[0]!;
    await h.runtime.claimTask(task.id, actors.enhetschef);
    // when: roles are read fresh on every request, so a changed role shows at once
    const withoutRole = { username: 'enhetschef', roles: ['boendesamordnare'] };
    const someoneElse = { username: 'annan', roles: ['boendesamordnare'] };
    // then
    expect(h.runtime.mayReadCase(id, withoutRole)).toBe(true);
    expect(h.runtime.mayReadCase(id, someoneElse)).toBe(false);
  });
});
