// Cases stored as `failed` by a version before incidents (a service task threw and stopped the case) are taken up at
// start: the failed step runs again, and the case goes on, or waits at an incident someone can retry; every other
// open step stays as it was.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { compileDefinition } from '../../src/engine/definitions/compile-definition.js';
import { createEngine } from '../../src/engine/elements/create-engine.js';
import { DurableTimers } from '../../src/engine/elements/durable-timers.js';
import type { HistoryEntry, InstanceDocument } from '../../src/engine/index.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { testDefinitionsOpen, withLayout } from '../helpers/diagram-layout.js';
import { completeTask, openTasks } from '../helpers/feature-steps.js';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';
import { testHandlers } from '../helpers/test-handlers.js';

const failure = 'Bokningssystemet svarar inte';
const diagram = withLayout(`${testDefinitionsOpen}
  <bpmn:process id="gammalt-fel" name="Gammalt fel" isExecutable="true" camunda:candidateStarterGroups="enhetschef">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="uppgift" />
    <bpmn:userTask id="uppgift" name="Ange utfall" camunda:candidateGroups="enhetschef">
      <bpmn:extensionElements><camunda:formData>
        <camunda:formField id="utfall" label="Utfall" type="enum"><camunda:value id="ok" name="OK" /><camunda:value id="tekniskt" name="Tekniskt fel" /></camunda:formField>
      </camunda:formData></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="uppgift" targetRef="dela" />
    <bpmn:parallelGateway id="dela" name="Dela" />
    <bpmn:sequenceFlow id="f3" sourceRef="dela" targetRef="boka" />
    <bpmn:sequenceFlow id="f4" sourceRef="dela" targetRef="foljUpp" />
    <bpmn:serviceTask id="boka" name="Boka plats" implementation="\${environment.services.testOutcome}">
      <bpmn:extensionElements><camunda:properties><camunda:property name="utfall" value="=utfall" /></camunda:properties></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f5" sourceRef="boka" targetRef="bokad" />
    <bpmn:endEvent id="bokad" name="Bokad" />
    <bpmn:userTask id="foljUpp" name="Följ upp" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f6" sourceRef="foljUpp" targetRef="uppfoljt" />
    <bpmn:endEvent id="uppfoljt" name="Uppföljt" />
  </bpmn:process>
</bpmn:definitions>`);

/** The engine state the earlier version stored: the task answered, then the service threw and the engine errored. */
async function failedEngineState(): Promise<unknown> {
  const handlers = new Map(testHandlers.map((h) => [h.name, h]));
  const { sourceContext } = await compileDefinition(diagram, 'gammalt-fel.bpmn', handlers as never);
  const timers = new DurableTimers({ now: () => new Date('2027-01-15T08:00:00Z') } as never);
  const services = { testOutcome: (_scope: unknown, callback: (err: Error) => void) => callback(new Error(failure)) };
  const engine = createEngine({ name: 'gammalt', sourceContext, timers, services });
  const listener = new EventEmitter();
  listener.on('wait', (api: { id: string; signal: (output: unknown) => void }) => {
    if (api.id === 'uppgift') api.signal({ utfall: 'tekniskt' });
  });
  const errored = new Promise((resolve) => engine.once('error', resolve));
  await engine.execute({ listener, variables: { utfall: 'tekniskt' } } as never).catch(() => undefined);
  await errored;
  const state = (await engine.getState()) as { definitions: { source?: unknown }[] };
  for (const d of state.definitions) delete d.source;
  return state;
}

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ processes: [['gammalt-fel.bpmn', diagram]], handlers: testHandlers });
});
afterEach(() => h.close());

/** Rewrites the case as the earlier version left it: `failed`, its tasks gone, the failure last in its history. */
async function storeAsFailed(id: string, failedStepEntered: boolean): Promise<void> {
  const engineState = await failedEngineState();
  const store = createLowdbStore(h.dataDir);
  await store.open();
  try {
    const doc = (await store.instances.load(id))!;
    const seq = doc.lastEntries.at(-1)!.seq;
    const entry = (n: number, type: string, elementId: string | null, data: Record<string, unknown> | null): HistoryEntry => ({
      seq: seq + n, at: '2027-01-15T08:00:00.000Z', type, elementId, elementName: null, actor: 'enhetschef', data,
    });
    const lastEntries = [
      entry(1, 'task.completed', 'uppgift', { utfall: 'tekniskt' }),
      ...(failedStepEntered ? [entry(2, 'activity.entered', 'boka', { type: 'bpmn:ServiceTask' })] : []),
      entry(3, 'instance.failed', null, { message: failure }),
    ].map((e, i) => ({ ...e, seq: seq + i + 1 }));
    const failed: InstanceDocument = {
      summary: { ...doc.summary, rev: doc.summary.rev + 1, state: 'failed', endedAt: '2027-01-15T08:00:00.000Z', tasks: [], timers: [], active: [], variables: { ...doc.summary.variables, utfall: 'tekniskt' } },
      engineState,
      lastEntries,
    };
    await store.instances.save(failed, doc.summary.rev);
  } finally {
    await store.close();
  }
}

describe('cases stored as failed', () => {
  test('when a case failed at a service task, then the next start opens an incident there, keeps its other open task, and a retry takes it on', async () => {
    // given
    const { id } = await h.runtime.startInstance('gammalt-fel', { variables: {} }, actors.enhetschef);
    // when: the server restarts on the case as the earlier version left it
    const runtime = await h.restart(() => storeAsFailed(id, true));
    const afterStart = runtime.getInstance(id);
    const [incident] = afterStart.incidents;
    await runtime.retryIncident(id, incident!.id, { utfall: 'ok' }, actors.enhetschef);
    // then
    expect(afterStart.state).toBe('running');
    expect(afterStart.incidents).toEqual([expect.objectContaining({ elementId: 'boka', name: 'Boka plats', message: failure })]);
    expect(openTasks(runtime, id, actors.enhetschef)).toEqual(['foljUpp']);
    expect(runtime.getInstance(id).incidents).toEqual([]);
    expect(runtime.getInstance(id).variables).toMatchObject({ bokad: true });
    await completeTask(runtime, id, 'foljUpp', {}, actors.enhetschef);
    expect(runtime.getInstance(id).state).toBe('completed');
    const history = (await runtime.getHistory(id)).map((e) => e.type);
    expect(history).toEqual(expect.arrayContaining(['instance.failed', 'instance.revived', 'incident.opened', 'incident.resolved', 'instance.completed']));
  });

  test('when a failed case names no service task that stopped it, then it stays failed and the start goes on', async () => {
    // given: a failure whose step the history does not show (a case stopped for looping, say)
    const { id } = await h.runtime.startInstance('gammalt-fel', { variables: {} }, actors.enhetschef);
    // when
    const runtime = await h.restart(() => storeAsFailed(id, false));
    // then
    expect(runtime.getInstance(id)).toMatchObject({ state: 'failed', incidents: [] });
  });
});
