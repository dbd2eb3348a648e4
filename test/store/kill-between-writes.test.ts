// Kill -9 between every pair of file writes of a run that queues, reserves, declines, books and lets an apartment:
// whatever write was the last, the next start opens, every acknowledged step is there, the housing register agrees
// with the cases' own histories, and every case left running can be taken on.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { crashActors, crashDiagram } from './fixtures/crash-scenario-kit.js';
import { killAfterEach, openAfterCrash, runScenario } from './fixtures/kill-runs.js';

const admin = crashActors.admin;
/** The apartment's status after each housing step of boka-lagenhet.bpmn. */
const statusAfter: Record<string, string> = { reservera: 'reserverad', slapp: 'ledig', boka: 'bokad', hyrUt: 'uthyrd' };

let root: string;
let processesDir: string;

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

async function checkAfterCrash(dataDir: string, acked: string[]): Promise<void> {
  const runtime = await openAfterCrash(dataDir, processesDir);
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
  const run = (name: string, k: number | null) => runScenario('crash-scenario.ts', path.join(root, name), processesDir, k);
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'bk-crash-'));
    processesDir = path.join(root, 'processes');
    await mkdir(processesDir);
    await copyFile(crashDiagram, path.join(processesDir, path.basename(crashDiagram)));
    total = (await run('whole', null)).writes ?? 0;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  test('when the run is killed after each of its writes in turn, then every start opens with the acknowledged steps, a register that agrees with the cases, and cases that go on', async () => {
    // given: the number of file changes one whole run makes
    expect(total).toBeGreaterThan(20);
    // when: a run killed right after write k, for every k
    const failures = await killAfterEach(Array.from({ length: total }, (_, i) => i + 1), run, (name, acked) => checkAfterCrash(path.join(root, name), acked));
    // then
    expect(failures).toEqual([]);
  }, 600_000);
});
