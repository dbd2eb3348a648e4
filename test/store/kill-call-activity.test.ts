// Kill -9 after every file write of a run where a case starts a child case through a call activity and goes on when it
// ends: whatever write was the last, the next start has exactly one child per caller that reached the step, never
// two, and both cases can be taken on to their end. The writes of the start-up (lock, diagrams) and of the caller's
// ordinary last task are left out: kill-between-writes kills between those kinds of write already.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crashActors, repoRoot } from './fixtures/crash-scenario-kit.js';
import { killAfterEach, openAfterCrash, runScenario, writesBetween } from './fixtures/kill-runs.js';

const admin = crashActors.admin;
const diagrams = ['anrop-huvud.bpmn', 'anrop-barn.bpmn'].map((f) => path.join(repoRoot, 'test', 'fixtures', 'processes', 'structure', f));
let root: string;
let processesDir: string;

async function checkAfterCrash(dataDir: string, acked: string[]): Promise<void> {
  const runtime = await openAfterCrash(dataDir, processesDir);
  try {
    const callers = runtime.listInstances({ processKey: 'anrop-huvud' });
    const children = runtime.listInstances({ processKey: 'anrop-barn' });
    if (acked.includes('started')) expect(callers, 'the caller').toHaveLength(1);
    // A caller stored at its call activity has its child once the runtime is up again; never a second one.
    expect(children, 'one child per caller').toHaveLength(callers.length);
    for (const c of children) expect(runtime.caseCalls(c.id).calledBy?.instanceId, 'child of the caller').toBe(callers[0]?.id);
    if (acked.includes('child done')) expect(runtime.getInstance(callers[0]!.id).active.map((a) => a.elementId), 'caller went on').not.toContain('utredIBarn');
    // Both can be taken on to their end, and the caller has the child's result.
    const child = children[0];
    if (child && runtime.getInstance(child.id).state === 'running') {
      const [task] = runtime.listTasks({ instanceId: child.id }, admin);
      await runtime.completeTask(task!.id, { resultat: 'Utrett' }, admin);
    }
    const caller = callers[0];
    if (caller && runtime.getInstance(caller.id).state === 'running') {
      const [task] = runtime.listTasks({ instanceId: caller.id }, admin);
      expect(task?.elementId, 'caller waits at its next task').toBe('efterArbete');
      await runtime.completeTask(task!.id, {}, admin);
    }
    for (const c of [...callers, ...children]) {
      expect(runtime.getInstance(c.id).state, `${c.processKey} ended`).toBe('completed');
      const seqs = (await runtime.getHistory(c.id)).map((e) => e.seq);
      expect(seqs, 'whole history').toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    if (caller) expect(runtime.getInstance(caller.id).variables.resultat).toBe('Utrett');
  } finally {
    await runtime.close();
  }
}

describe('kill -9 around a call activity', () => {
  let total = 0;
  let points: number[] = [];
  const run = (name: string, k: number | null) => runScenario('call-scenario.ts', path.join(root, name), processesDir, k);
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'bk-call-crash-'));
    processesDir = path.join(root, 'processes');
    await mkdir(processesDir);
    for (const file of diagrams) await copyFile(file, path.join(processesDir, path.basename(file)));
    const whole = await run('whole', null);
    total = whole.writes ?? 0;
    points = writesBetween(whole, 'READY', 'ACK child done');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  test('when the run is killed after each write of the call in turn, then the next start has one child case, the caller waits for it or has gone on, and both end', async () => {
    // given: the file changes one whole run makes from the start of the caller to the end of the child's task
    expect(total).toBeGreaterThan(10);
    expect(points.length).toBeGreaterThan(10);
    // when: a run killed right after write k, for each of those k
    const failures = await killAfterEach(points, run, (name, acked) => checkAfterCrash(path.join(root, name), acked));
    // then
    expect(failures).toEqual([]);
  }, 600_000);
});
