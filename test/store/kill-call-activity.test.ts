// Kill -9 after every file write of a run where a case starts a child case through a call activity and goes on when it
// ends: whatever write was the last, the next start has exactly one child per caller that reached the step, never
// two, and both cases can be taken on to their end. The writes of the start-up (lock, diagrams) and of the caller's
// ordinary last task are left out: kill-between-writes kills between those kinds of write already.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { DataDirInUseError, lockStaleMs } from '../../src/store/data-dir-lock.js';
import { crashActors, openCrashRuntime, repoRoot } from './fixtures/crash-scenario-kit.js';

const admin = crashActors.admin;
const diagrams = ['anrop-huvud.bpmn', 'anrop-barn.bpmn'].map((f) => path.join(repoRoot, 'test', 'fixtures', 'processes', 'structure', f));
let root: string;
let processesDir: string;

interface ScenarioRun {
  acked: string[];
  writes: number | null;
  signal: NodeJS.Signals | null;
  /** With PRINT_WRITES: the writes made from the runtime's start until the child's task was done. */
  callWrites: number[];
}

function runScenario(dataDir: string, killAfterWrite: number | null): Promise<ScenarioRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './test/store/fixtures/kill-after-writes.ts', 'test/store/fixtures/call-scenario.ts', dataDir, processesDir],
      { cwd: repoRoot, env: { ...process.env, KILL_AFTER_WRITE: String(killAfterWrite ?? 0), PRINT_WRITES: killAfterWrite === null ? '1' : '0' } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') return reject(new Error(`scenario failed (${code}): ${err}`));
      const writes = /^WRITES (\d+)$/m.exec(out);
      const window = /^READY$([\s\S]*?)^ACK child done$/m.exec(out)?.[1] ?? '';
      const callWrites = [...window.matchAll(/^WRITE (\d+)$/gm)].map((m) => Number(m[1]));
      resolve({ acked: [...out.matchAll(/^ACK (.+)$/gm)].map((m) => m[1]!), writes: writes ? Number(writes[1]) : null, signal, callWrites });
    });
  });
}

/** A kill while the lock is taken leaves it without owner; it is taken over once stale. */
async function openAfterCrash(dataDir: string): Promise<RuntimeApi> {
  const giveUpAt = Date.now() + 2 * lockStaleMs;
  for (;;) {
    try {
      return await openCrashRuntime(dataDir, processesDir);
    } catch (error) {
      if (!(error instanceof DataDirInUseError && error.message.includes('okänd ägare')) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function checkAfterCrash(dataDir: string, acked: string[]): Promise<void> {
  const runtime = await openAfterCrash(dataDir);
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
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'bk-call-crash-'));
    processesDir = path.join(root, 'processes');
    await mkdir(processesDir);
    for (const file of diagrams) await copyFile(file, path.join(processesDir, path.basename(file)));
    const whole = await runScenario(path.join(root, 'whole'), null);
    total = whole.writes ?? 0;
    points = whole.callWrites;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  test('when the run is killed after each write of the call in turn, then the next start has one child case, the caller waits for it or has gone on, and both end', async () => {
    // given: the file changes one whole run makes from the start of the caller to the end of the child's task
    expect(total).toBeGreaterThan(10);
    expect(points.length).toBeGreaterThan(10);
    const failures: string[] = [];
    const pending = [...points];
    // when: a run killed right after write k, for each of those k, two at a time
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        for (let k = pending.shift(); k !== undefined; k = pending.shift()) {
          const dataDir = path.join(root, `kill-${k}`);
          const run = await runScenario(dataDir, k);
          // then
          try {
            expect(run.signal, `killed after write ${k}`).toBe('SIGKILL');
            await checkAfterCrash(dataDir, run.acked);
          } catch (error) {
            failures.push(`after write ${k} (acknowledged: ${run.acked.join(', ')}): ${(error as Error).message}`);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
