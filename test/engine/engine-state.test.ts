// The engine state a transition stores is bpmn-engine's getState() without the definitions' source, built without
// serialising the diagram; it recovers to the same waiting step.
import { readFile } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { compileDefinition } from '../../src/engine/definitions/compile-definition.js';
import { createEngine, type EngineInstance } from '../../src/engine/elements/create-engine.js';
import { DurableTimers } from '../../src/engine/elements/durable-timers.js';
import { engineStateOf } from '../../src/engine/execution/engine-state.js';
import { processScope } from '../../src/engine/execution/engine-variables.js';

const diagramFile = new URL('../../bench/processes/bench-tva-steg.bpmn', import.meta.url);

async function newEngine(): Promise<EngineInstance> {
  const { sourceContext } = await compileDefinition(await readFile(diagramFile, 'utf8'), 'bench-tva-steg.bpmn', new Map());
  const timers = new DurableTimers({ now: () => new Date('2027-01-15T08:00:00Z') } as never);
  return createEngine({ name: 'fall-1', sourceContext, timers, services: {} });
}

/** What toDocument stored before: the engine's own getState(), each definition's source removed. */
async function getStateWithoutSource(engine: EngineInstance): Promise<unknown> {
  const state = (await engine.getState()) as { definitions: { source?: unknown }[] };
  for (const d of state.definitions) delete d.source;
  return state;
}

const waitingIds = (engine: EngineInstance) => engine.execution!.getPostponed().map((a: { id: string }) => a.id);

describe('engine state to store', () => {
  test('at a waiting task it equals getState() without the source, and holds no source', async () => {
    // given an instance waiting at its first task
    const engine = await newEngine();
    await engine.execute({ listener: new EventEmitter(), variables: { antal: 2 } } as never);
    // when its state is taken
    const state = (await engineStateOf(engine)) as { definitions: Record<string, unknown>[] };
    // then it is what the engine gives, without the serialised diagram
    expect(state).toEqual(await getStateWithoutSource(engine));
    expect(state.definitions.every((d) => !('source' in d))).toBe(true);
  });

  test('after the last task it equals getState() without the source', async () => {
    // given an instance run to its end
    const engine = await newEngine();
    const ended = new Promise((resolve) => engine.once('end', resolve));
    await engine.execute({ listener: new EventEmitter() } as never);
    for (const id of ['steg1', 'steg2']) engine.execution!.getPostponed().find((a: { id: string }) => a.id === id)!.signal();
    await ended;
    // then its state is the engine's own, without the source
    expect(await engineStateOf(engine)).toEqual(await getStateWithoutSource(engine));
  });

  test('a new engine recovered from it waits at the same task and goes on from there', async () => {
    // given the stored state of an instance past its first task
    const first = await newEngine();
    await first.execute({ listener: new EventEmitter(), variables: { antal: 2 } } as never);
    first.execution!.getPostponed().find((a: { id: string }) => a.id === 'steg1')!.signal();
    const stored = JSON.parse(JSON.stringify(await engineStateOf(first)));
    // when another engine recovers and resumes it
    const second = await newEngine();
    second.recover(stored);
    await second.resume({ listener: new EventEmitter() } as never);
    // then it waits at the second task, with the variables kept, and ends when that is done
    expect(waitingIds(second)).toEqual(['steg2']);
    expect(processScope(second).antal).toBe(2);
    const ended = new Promise((resolve) => second.once('end', resolve));
    second.execution!.getPostponed()[0]!.signal();
    await ended;
    expect(waitingIds(second)).toEqual([]);
  });
});
