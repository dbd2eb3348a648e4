import { afterEach, describe, expect, test } from 'vitest';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';

const open = (h: Harness, id: string) => h.runtime.listTasks({ instanceId: id }, actors.enhetschef).map((t) => t.elementId).sort();
async function complete(h: Harness, id: string, elementId: string, values: Record<string, unknown> = {}) {
  const task = h.runtime.listTasks({ instanceId: id }, actors.enhetschef).find((t) => t.elementId === elementId)!;
  await h.runtime.completeTask(task.id, values, actors.enhetschef);
}

describe.each([100, 0])('parallel join (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when one branch chooses a path through an XOR split and merge, then the join waits for that branch to arrive', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/parallell-val.bpmn'] });
    const { id } = await h.runtime.startInstance('parallell-val', { variables: {} }, actors.admin);
    // when
    await complete(h, id, 'valj', { vag: 'p' });
    await complete(h, id, 'a');
    const afterA = open(h, id);
    await complete(h, id, 'p');
    await complete(h, id, 'b');
    const afterB = open(h, id);
    await complete(h, id, 'c');
    // then
    expect(afterA).toEqual(['p']);
    expect(afterB).toEqual(['c']);
    expect(h.runtime.getInstance(id).state).toBe('completed');
  });

  test('when the path with the parallel work is not chosen at all, then the join settles and the instance can finish', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/dod-gren.bpmn'] });
    const { id } = await h.runtime.startInstance('dod-gren', { variables: {} }, actors.admin);
    // when
    await complete(h, id, 'enkel');
    // then
    expect(h.runtime.getInstance(id).state).toBe('completed');
  });
});
