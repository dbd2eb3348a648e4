// Who held one of a case's tasks reads the case afterwards too (API.md "Access": "hold or held"), also after a restart
// and in the lists; reading only: acting stays with the task's roles. Nobody else learns the case exists.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { withLayout } from '../helpers/diagram-layout.js';
import { fixturesDir, startHarness, type Harness } from '../helpers/runtime-harness.js';
import { who } from '../helpers/feature-steps.js';

// web-referenser, changed so the assignee chosen in "Fördela ärendet" has no role in the process (an avgiftshandläggare
// asked to map the needs), and the chef decides after them, so the case runs on once their task is done.
const xml = withLayout(
  (await readFile(path.join(fixturesDir, 'web', 'web-referenser.bpmn'), 'utf8'))
    .replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '')
    .replace('<camunda:property id="role" value="arbetsterapeut" />', '<camunda:property id="role" value="avgiftshandlaggare" />')
    .replace('camunda:candidateGroups="arbetsterapeut"', 'camunda:candidateGroups="boendeteam-chef"')
    .replace(
      '<bpmn:sequenceFlow id="f3" sourceRef="kartlagg" targetRef="slut" />',
      '<bpmn:sequenceFlow id="f3" sourceRef="kartlagg" targetRef="besluta" /><bpmn:userTask id="besluta" name="Besluta" camunda:candidateGroups="boendeteam-chef" /><bpmn:sequenceFlow id="f4" sourceRef="besluta" targetRef="slut" />',
    ),
);

const chef = who('boendeteam-chef');
/** The user chosen as assignee; none of the process's roles. */
const holder = who('avgiftshandlaggare');
/** Same role, never held a task of the case. */
const colleague: Actor = { username: 'avgift2', roles: ['avgiftshandlaggare'] };

let h: Harness;
let id: string;
beforeEach(async () => {
  h = await startHarness({ processes: [['web-referenser.bpmn', xml]] });
  ({ id } = await h.runtime.startInstance('web-referenser', { variables: { beslutsdatum: '2027-01-10' } }, chef));
  const [fordela] = h.runtime.listTasks({ instanceId: id }, chef);
  await h.runtime.completeTask(fordela!.id, { ansvarig: holder.username }, chef);
});
afterEach(() => h.close());

const listedFor = (rt: RuntimeApi, actor: Actor) => rt.listInstances({}).filter((c) => rt.mayReadCase(c.id, actor)).map((c) => c.id);
const taskOf = (rt: RuntimeApi, elementId: string) => rt.listTasks({ instanceId: id }, chef).find((t) => t.elementId === elementId)!;

describe('case access of past task holders', () => {
  test('when the assignee from a user field has completed their task, then they still read and list the case, also after a restart, and a colleague does not', async () => {
    // given
    const kartlagg = taskOf(h.runtime, 'kartlagg');
    expect(kartlagg.assignee).toBe(holder.username);
    // when
    await h.runtime.completeTask(kartlagg.id, {}, holder);
    // then: the task moved on to the chef, and the former holder still reads the case
    expect(taskOf(h.runtime, 'besluta').assignee).toBeNull();
    expect(h.runtime.mayReadCase(id, holder)).toBe(true);
    expect(() => h.runtime.assertCanReadCase(id, holder)).not.toThrow();
    expect(listedFor(h.runtime, holder)).toEqual([id]);
    expect(h.runtime.mayReadCase(id, colleague)).toBe(false);
    expect(() => h.runtime.assertCanReadCase(id, colleague)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(listedFor(h.runtime, colleague)).toEqual([]);
    // and after a restart and the end of the case
    const rt = await h.restart();
    await rt.completeTask(taskOf(rt, 'besluta').id, {}, chef);
    expect(rt.getInstance(id).state).toBe('completed');
    expect(rt.mayReadCase(id, holder)).toBe(true);
    expect(listedFor(rt, holder)).toEqual([id]);
    expect(rt.mayReadCase(id, colleague)).toBe(false);
  });

  test('when a chef reassigns the task from its holder, then the former holder still reads the case but may not act on it', async () => {
    // given
    const kartlagg = taskOf(h.runtime, 'kartlagg');
    // when
    await h.runtime.assignTask(kartlagg.id, { assignee: null }, chef);
    // then
    expect(h.runtime.mayReadCase(id, holder)).toBe(true);
    await expect(h.runtime.completeTask(kartlagg.id, {}, holder)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.runtime.claimTask(kartlagg.id, holder)).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('when a case was stored before holders were kept, then its current holder is learnt at its next step and reads it afterwards', async () => {
    // given: the stored case as an earlier version wrote it, without taskHolders
    await h.restart(async () => {
      for (const file of [`${id}.json`, `${id}.summary.json`]) {
        const full = path.join(h.dataDir, 'instances', file);
        const stored = JSON.parse(await readFile(full, 'utf8'));
        delete (stored.summary ?? stored).taskHolders;
        await writeFile(full, JSON.stringify(stored));
      }
    });
    const rt = h.runtime;
    expect(rt.mayReadCase(id, holder)).toBe(true); // holds the task now
    // when
    await rt.completeTask(taskOf(rt, 'kartlagg').id, {}, holder);
    // then
    expect(rt.mayReadCase(id, holder)).toBe(true);
    expect(rt.mayReadCase(id, colleague)).toBe(false);
  });
});
