import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { listHandlers as handlers } from '../../helpers/list-handler.js';
import { actors, fixturesDir, startHarness, type Harness } from '../../helpers/runtime-harness.js';

const history = async (h: Harness, id: string, elementId = 'granska') =>
  (await h.runtime.getHistory(id)).filter((e) => e.elementId === elementId).map((e) => [e.type, e.elementName]);
const open = (h: Harness, id: string) => h.runtime.listTasks({ instanceId: id }, actors.handlaggare);

describe.each([100, 0])('multi-instance user tasks (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());
  const start = async (file: string, namn: string) => {
    h = await startHarness({ engineCacheSize, processes: [`structure/${file}.bpmn`], handlers });
    return (await h.runtime.startInstance(file, { variables: { namn } }, actors.handlaggare)).id;
  };

  test('when a parallel task runs over three children, then each is a task of its own, answered one by one over a restart', async () => {
    // given
    const id = await start('flera-parallellt', 'Alva, Bror, Cissi');
    const tasks = open(h, id);
    await h.runtime.completeTask(tasks[1]!.id, { godkand: true }, actors.handlaggare);
    await h.runtime.completeTask(tasks[0]!.id, { godkand: false }, actors.handlaggare);
    // when
    await h.restart();
    const left = open(h, id);
    const highlighted = h.runtime.getInstance(id).active;
    await h.runtime.completeTask(left[0]!.id, { godkand: true }, actors.handlaggare);
    // then
    expect(tasks.map((t) => t.name)).toEqual([
      'Granska barnets plats: Alva (1 av 3)',
      'Granska barnets plats: Bror (2 av 3)',
      'Granska barnets plats: Cissi (3 av 3)',
    ]);
    expect(left.map((t) => t.name)).toEqual(['Granska barnets plats: Cissi (3 av 3)']);
    expect(highlighted).toEqual([{ elementId: 'granska', name: 'Granska barnets plats (1 av 3 kvar)' }]);
    const instance = h.runtime.getInstance(id);
    expect(instance.active.map((a) => a.elementId)).toEqual(['besluta']);
    expect(instance.variables.granska).toEqual([
      { godkand: false, barn: { namn: 'Alva' } },
      { godkand: true, barn: { namn: 'Bror' } },
      { godkand: true, barn: { namn: 'Cissi' } },
    ]);
    expect(instance.variables).not.toHaveProperty('godkand');
    const entries = await history(h, id);
    expect(entries.filter(([type]) => type === 'task.created' || type === 'task.completed')).toEqual([
      ['task.created', 'Granska barnets plats: Alva (1 av 3)'],
      ['task.created', 'Granska barnets plats: Bror (2 av 3)'],
      ['task.created', 'Granska barnets plats: Cissi (3 av 3)'],
      ['task.completed', 'Granska barnets plats: Bror (2 av 3)'],
      ['task.completed', 'Granska barnets plats: Alva (1 av 3)'],
      ['task.completed', 'Granska barnets plats: Cissi (3 av 3)'],
    ]);
  });

  test('when one after the other in Camunda 7 spelling, then the task of the next child opens when the one before is done, over a restart', async () => {
    // given: camunda:collection="${barnen}", isSequential
    const id = await start('flera-i-tur', 'Alva, Bror');
    const first = open(h, id);
    const before = h.runtime.getInstance(id).active.map((a) => a.name);
    await h.runtime.completeTask(first[0]!.id, { godkand: true }, actors.handlaggare);
    // when
    await h.restart();
    const after = h.runtime.getInstance(id).active.map((a) => a.name);
    const second = open(h, id);
    await h.runtime.completeTask(second[0]!.id, { godkand: false }, actors.handlaggare);
    // then
    expect(first.map((t) => t.name)).toEqual(['Granska barnets plats: Alva (1 av 2)']);
    expect(second.map((t) => t.name)).toEqual(['Granska barnets plats: Bror (2 av 2)']);
    expect([before, after]).toEqual([['Granska barnets plats (2 av 2 kvar)'], ['Granska barnets plats (1 av 2 kvar)']]);
    const instance = h.runtime.getInstance(id);
    expect(instance.active.map((a) => a.elementId)).toEqual(['besluta']);
    expect(instance.variables.granska).toEqual([{ godkand: true, barn: { namn: 'Alva' } }, { godkand: false, barn: { namn: 'Bror' } }]);
  });

  test('when the interrupting timer on the step runs out after a restart, then the open tasks of every child are cancelled and its path opens', async () => {
    // given
    const id = await start('flera-parallellt', 'Alva, Bror, Cissi');
    const [alva] = open(h, id);
    await h.runtime.completeTask(alva!.id, { godkand: true }, actors.handlaggare);
    // when
    await h.restart();
    await h.runtime.moveClock({ to: '2027-01-25T08:00:00Z' });
    // then
    expect(open(h, id)).toEqual([]);
    expect(h.runtime.getInstance(id).active.map((a) => a.elementId)).toEqual(['paminn']);
    expect(h.runtime.getInstance(id).variables.granska).toEqual([{ godkand: true, barn: { namn: 'Alva' } }, null, null]);
    const entries = await history(h, id, 'frist');
    expect(entries.map(([type]) => type)).toContain('timer.fired');
  });

  test('when the list is empty or missing, then the step is done at once and the history says the list was empty', async () => {
    // given
    const empty = await start('flera-parallellt', '');
    const missing = (await h.runtime.startInstance('flera-parallellt', { variables: { namn: 'saknas' } }, actors.handlaggare)).id;
    // when
    const after = [empty, missing].map((id) => h.runtime.getInstance(id).active.map((a) => a.elementId));
    // then
    expect(after).toEqual([['besluta'], ['besluta']]);
    expect(open(h, empty)).toEqual([]);
    for (const id of [empty, missing]) {
      expect((await history(h, id)).map(([type]) => type)).toEqual(['activity.entered', 'loop.empty', 'activity.left']);
    }
    expect(h.runtime.getInstance(empty).variables.granska).toEqual([]);
  });

  test('when the diagram is in Camunda 8 spelling (zeebe:loopCharacteristics), then it runs one child at a time', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['structure/flera-zeebe.bpmn'], handlers });
    const { id } = await h.runtime.startInstance('flera-zeebe', { variables: {} }, actors.handlaggare);
    const first = open(h, id);
    // when
    await h.runtime.completeTask(first[0]!.id, {}, actors.handlaggare);
    const second = open(h, id);
    await h.runtime.completeTask(second[0]!.id, {}, actors.handlaggare);
    // then
    expect([...first, ...second].map((t) => t.name)).toEqual(['Granska barnets plats: Alva (1 av 2)', 'Granska barnets plats: Bror (2 av 2)']);
    expect(h.runtime.getInstance(id).state).toBe('completed');
  });

  test('when the task is inside a sub-process, then each child is a task there too, and the answers reach the process after a restart', async () => {
    // given: the parallel diagram with the task wrapped in a sub-process
    const xml = (await readFile(path.join(fixturesDir, 'structure', 'flera-parallellt.bpmn'), 'utf8'))
      .replace('<bpmn:userTask id="granska"', '<bpmn:subProcess id="omgang" name="Granskning"><bpmn:startEvent id="inne" name="In" /><bpmn:sequenceFlow id="i1" sourceRef="inne" targetRef="granska" /><bpmn:userTask id="granska"')
      .replace('</bpmn:userTask>\n    <bpmn:boundaryEvent id="frist"', '</bpmn:userTask><bpmn:sequenceFlow id="i2" sourceRef="granska" targetRef="ute" /><bpmn:endEvent id="ute" name="Ut" /></bpmn:subProcess>\n    <bpmn:boundaryEvent id="frist"')
      .replace('attachedToRef="granska"', 'attachedToRef="omgang"')
      .replace('sourceRef="hamta" targetRef="granska"', 'sourceRef="hamta" targetRef="omgang"')
      .replace('sourceRef="granska" targetRef="besluta"', 'sourceRef="omgang" targetRef="besluta"');
    h = await startHarness({ engineCacheSize, processes: [['flera-parallellt.bpmn', xml]], handlers });
    const { id } = await h.runtime.startInstance('flera-parallellt', { variables: { namn: 'Alva, Bror' } }, actors.handlaggare);
    const [alva, bror] = open(h, id);
    await h.runtime.completeTask(bror!.id, { godkand: true }, actors.handlaggare);
    // when
    await h.restart();
    await h.runtime.completeTask(open(h, id)[0]!.id, { godkand: false }, actors.handlaggare);
    // then
    expect([alva!.name, bror!.name]).toEqual(['Granska barnets plats: Alva (1 av 2)', 'Granska barnets plats: Bror (2 av 2)']);
    const instance = h.runtime.getInstance(id);
    expect(instance.active.map((a) => a.elementId)).toEqual(['besluta']);
    expect(instance.variables.granska).toEqual([{ godkand: false, barn: { namn: 'Alva' } }, { godkand: true, barn: { namn: 'Bror' } }]);
    expect((await history(h, id, 'omgang')).map(([type]) => type)).toEqual(['activity.entered', 'activity.left']);
  });

  test('when the list variable holds a text, then the case stops with a message naming the variable', async () => {
    // given / when
    const id = await start('flera-parallellt', 'text');
    // then
    expect(h.runtime.getInstance(id).state).toBe('failed');
    const failed = (await h.runtime.getHistory(id)).find((e) => e.type === 'instance.failed');
    expect(failed?.data).toEqual({ message: expect.stringContaining('Variabeln "barnen" är inte en lista') });
  });

  test('when a timer that does not interrupt runs out after a restart, then its path opens beside the open tasks of the children', async () => {
    // given
    const xml = (await readFile(path.join(fixturesDir, 'structure', 'flera-parallellt.bpmn'), 'utf8')).replace('<bpmn:boundaryEvent id="frist"', '<bpmn:boundaryEvent id="frist" cancelActivity="false"');
    h = await startHarness({ engineCacheSize, processes: [['flera-parallellt.bpmn', xml]], handlers });
    const { id } = await h.runtime.startInstance('flera-parallellt', { variables: { namn: 'Alva, Bror' } }, actors.handlaggare);
    // when
    await h.restart();
    await h.runtime.moveClock({ to: '2027-01-25T08:00:00Z' });
    for (const task of open(h, id)) await h.runtime.completeTask(task.id, { godkand: true }, actors.handlaggare);
    // then
    expect(h.runtime.listTasks({ instanceId: id }, actors.enhetschef).map((t) => t.elementId).sort()).toEqual(['besluta', 'paminn']);
  });

  test('when the assignee is an expression on the item, then the task of each child goes to the user its item names', async () => {
    // given
    const xml = (await readFile(path.join(fixturesDir, 'structure', 'flera-parallellt.bpmn'), 'utf8')).replace('camunda:candidateGroups="lss-handlaggare">', 'camunda:candidateGroups="lss-handlaggare" camunda:assignee="=barn.namn">');
    h = await startHarness({ engineCacheSize, processes: [['flera-parallellt.bpmn', xml]], handlers });
    // when
    const { id } = await h.runtime.startInstance('flera-parallellt', { variables: { namn: 'alva, bror' } }, actors.handlaggare);
    // then
    expect(h.runtime.listTasks({ instanceId: id }, actors.admin).map((t) => t.assignee)).toEqual(['alva', 'bror']);
  });
});
