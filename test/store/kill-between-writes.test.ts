// Kill -9 between every pair of file writes of a run that queues, reserves, declines, books and lets an apartment:
// whatever write was the last, the next start opens, every acknowledged step is there, the housing register agrees
// with the cases' own histories, and every case left running can be taken on.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { DataDirInUseError, lockStaleMs } from '../../src/store/data-dir-lock.js';
import { crashActors, crashDiagram, openCrashRuntime, repoRoot } from './fixtures/crash-scenario-kit.js';

const admin = crashActors.admin;
/** Two runs at a time: each child boots its own runtime. */
const parallelRuns = 2;
/** The apartment's status after each housing step of boka-lagenhet.bpmn. */
const statusAfter: Record<string, string> = { reservera: 'reserverad', slapp: 'ledig', boka: 'bokad', hyrUt: 'uthyrd' };

interface Run {
  acked: string[];
  writes: number | null;
  signal: NodeJS.Signals | null;
}

let root: string;
let processesDir: string;

function runScenario(dataDir: string, killAfterWrite: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './test/store/fixtures/kill-after-writes.ts', 'test/store/fixtures/crash-scenario.ts', dataDir, processesDir],
      { cwd: repoRoot, env: { ...process.env, KILL_AFTER_WRITE: String(killAfterWrite ?? 0) } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') return reject(new Error(`scenario failed (${code}): ${err}`));
      const writes = /^WRITES (\d+)$/m.exec(out);
      resolve({ acked: [...out.matchAll(/^ACK (.+)$/gm)].map((m) => m[1]!), writes: writes ? Number(writes[1]) : null, signal });
    });
  });
}

const openRuntime = (dataDir: string): Promise<RuntimeApi> => openCrashRuntime(dataDir, processesDir);

/**
 * What the cases' own histories say the apartment should be: the status after the last housing step of the later case
 * that took one (B starts after A has declined), else free.
 */
async function statusFromHistories(runtime: RuntimeApi, byPerson: Map<unknown, { id: string }>): Promise<{ status: string; instanceId: string | null }> {
  for (const person of ['Brukare B', 'Brukare A']) {
    const c = byPerson.get(person);
    if (!c) continue;
    const steps = (await runtime.getHistory(c.id)).filter((e) => e.type === 'activity.left' && e.elementId && statusAfter[e.elementId]);
    const last = steps.at(-1);
    if (!last) continue;
    const status = statusAfter[last.elementId!]!;
    return { status, instanceId: status === 'ledig' ? null : c.id };
  }
  return { status: 'ledig', instanceId: null };
}

/**
 * A kill while the data directory's lock is being taken leaves a lock without owner: it is taken over once stale
 * (tried each second, for twice the stale period, since a loaded machine may be slow to see it so).
 */
async function openAfterCrash(dataDir: string): Promise<RuntimeApi> {
  const giveUpAt = Date.now() + 2 * lockStaleMs;
  for (;;) {
    try {
      return await openRuntime(dataDir);
    } catch (error) {
      const lockLeftWithoutOwner = error instanceof DataDirInUseError && error.message.includes('okänd ägare');
      if (!lockLeftWithoutOwner || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function checkAfterCrash(dataDir: string, acked: string[]): Promise<void> {
  const runtime = await openAfterCrash(dataDir);
  try {
    const cases = runtime.listInstances({});
    const byPerson = new Map(cases.map((c) => [runtime.getInstance(c.id).variables.brukare, c]));
    // Every acknowledged step is there.
    if (acked.includes('a started')) expect(byPerson.has('Brukare A'), 'A started').toBe(true);
    if (acked.includes('a declined')) expect(byPerson.get('Brukare A')?.state, 'A declined').toBe('completed');
    if (acked.includes('b started')) expect(byPerson.has('Brukare B'), 'B started').toBe(true);
    if (acked.includes('b moved in')) expect(byPerson.get('Brukare B')?.state, 'B moved in').toBe('completed');

    // The register agrees with the cases: the apartment, and one queue entry per case that queued, none for others.
    const register = runtime.housingRegister();
    const apartment = register.apartments.find((a) => a.id === 'solrosen-1');
    if (acked.includes('housing')) expect(apartment, 'seeded apartment').toBeDefined();
    if (apartment) {
      const expected = await statusFromHistories(runtime, byPerson);
      expect(apartment.status, 'apartment status').toBe(expected.status);
      const holder = register.queue.find((q) => q.id === apartment.queueEntryId)?.instanceId ?? null;
      expect(holder, 'apartment held for').toBe(expected.instanceId);
    }
    const caseIds = new Set(cases.map((c) => c.id));
    for (const entry of register.queue) expect(caseIds.has(entry.instanceId!), 'queue entry of a stored case').toBe(true);
    expect(register.queue.length, 'one queue entry per case').toBe(cases.length);

    // Every history is whole and every running case can be taken on: the person answers no.
    for (const c of cases) {
      const seqs = (await runtime.getHistory(c.id)).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      if (c.state !== 'running') continue;
      const [task] = runtime.listTasks({ instanceId: c.id }, admin);
      expect(task, `open task of running case ${c.id}`).toBeDefined();
      await runtime.completeTask(task!.id, task!.elementId === 'svar' ? { svar: 'nej', orsak: 'Annat boende' } : {}, admin);
    }
  } finally {
    await runtime.close();
  }
}

describe('kill -9 between every pair of writes', () => {
  let total = 0;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'bk-crash-'));
    processesDir = path.join(root, 'processes');
    await mkdir(processesDir);
    await copyFile(crashDiagram, path.join(processesDir, path.basename(crashDiagram)));
    const whole = await runScenario(path.join(root, 'whole'), null);
    total = whole.writes ?? 0;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  test('when the run is killed after each of its writes in turn, then every start opens with the acknowledged steps, a register that agrees with the cases, and cases that go on', async () => {
    // given: the number of file changes one whole run makes
    expect(total).toBeGreaterThan(20);
    const points = Array.from({ length: total }, (_, i) => i + 1);
    const failures: string[] = [];
    // when: a run killed right after write k, for every k
    const pending = [...points];
    await Promise.all(
      Array.from({ length: parallelRuns }, async () => {
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
