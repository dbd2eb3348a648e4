// camunda:candidateUsers offers a task to named users; camunda:formKey and an assignee expression are refused with why.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import { actors, fixturesDir, startHarness, type Harness } from '../helpers/runtime-harness.js';

const modelers = (file: string) => readFile(path.join(fixturesDir, 'modelers', file), 'utf8');
const anna: Actor = { username: 'anna.berg', roles: ['boendesamordnare'] };
// Every user has a role; these two have one that no task of the fixture names.
const bo: Actor = { username: 'bo.ek', roles: ['arbetsterapeut'] };
const carl: Actor = { username: 'carl.lind', roles: ['arbetsterapeut'] };

let h: Harness;
afterEach(() => h.close());

describe('camunda:candidateUsers', () => {
  test('when a task names users instead of groups, then they see and complete it, and a user of none of its groups does not', async () => {
    // given
    h = await startHarness({ processes: ['modelers/kandidatanvandare.bpmn'] });
    const { id } = await h.runtime.startInstance('kandidatanvandare', { variables: {} }, actors.admin);
    // when
    const seenByBo = h.runtime.listTasks({ instanceId: id }, bo);
    const seenByCarl = h.runtime.listTasks({ instanceId: id }, carl);
    const byCarl = h.runtime.completeTask(seenByBo[0]!.id, {}, carl);
    // then: the user offered the task reads its case before taking it; the other does not
    expect(seenByBo.map((t) => t.elementId)).toEqual(['granskaSjalv']);
    expect(seenByCarl).toEqual([]);
    expect([h.runtime.mayReadCase(id, bo), h.runtime.mayReadCase(id, carl)]).toEqual([true, false]);
    await expect(byCarl).rejects.toMatchObject({ code: 'forbidden' });
    await h.runtime.completeTask(seenByBo[0]!.id, {}, bo);
    expect(h.runtime.listTasks({ instanceId: id }, actors.admin).map((t) => t.elementId)).toEqual(['godkann']);
  });

  test('when a task names a user beside a group, then both the user and the group see it, and the user claims it', async () => {
    // given
    h = await startHarness({ processes: ['modelers/kandidatanvandare.bpmn'] });
    const { id } = await h.runtime.startInstance('kandidatanvandare', { variables: {} }, actors.admin);
    await h.runtime.completeTask(h.runtime.listTasks({ instanceId: id }, anna)[0]!.id, {}, anna);
    // when
    const godkann = h.runtime.listTasks({ instanceId: id }, anna);
    const forChef = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
    await h.runtime.claimTask(godkann[0]!.id, anna);
    // then
    expect(godkann.map((t) => t.elementId)).toEqual(['godkann']);
    expect(forChef.map((t) => t.elementId)).toEqual(['godkann']);
    expect(h.runtime.listTasks({ instanceId: id }, bo)).toEqual([]);
    expect(h.runtime.getTask(godkann[0]!.id, anna).assignee).toBe('anna.berg');
  });

  test('when candidateUsers holds an expression, then it is refused at the task with what to write instead', async () => {
    // given
    h = await startHarness({ processes: [] });
    const xml = (await modelers('kandidatanvandare.bpmn')).replace('camunda:candidateUsers="anna.berg, bo.ek"', 'camunda:candidateUsers="${granskare}"');
    // when
    const check = await h.runtime.checkDefinition(xml);
    // then
    expect(check.problems).toContainEqual({ elementId: 'granskaSjalv', message: expect.stringContaining('camunda:candidateUsers innehåller uttrycket "${granskare}"') });
  });
});

describe('Camunda 7 features that do not run here', () => {
  test('when a form is kept outside the diagram and an assignee is an expression, then each is refused at its element with what to do instead', async () => {
    // given
    h = await startHarness({ processes: [] });
    // when
    const check = await h.runtime.checkDefinition(await modelers('formular-nyckel.bpmn'));
    // then
    expect(check.problems).toEqual(
      expect.arrayContaining([
        { elementId: 'start', message: expect.stringMatching(/^camunda:formKey pekar på ett formulär utanför diagrammet.*camunda:formData/) },
        { elementId: 'granska', message: expect.stringMatching(/^camunda:formKey pekar på ett formulär utanför diagrammet/) },
        { elementId: 'besluta', message: expect.stringMatching(/^camunda:assignee "#\{handlaggare\}" är ett uttryck.*=fält för ett fält av typen user/) },
      ]),
    );
  });
});
