// Gallring of ended cases: what the preview lists, what a run leaves of a culled case, and what it must not touch.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { actors, fixturesDir, startHarness, type Harness } from '../helpers/runtime-harness.js';

const lssXml = await readFile(path.join(fixturesDir, 'engine', 'boka-lagenhet.bpmn'), 'utf8');
/** The same routine under SoL, under its own key. */
const solXml = lssXml.replaceAll('"boka-lagenhet"', '"boka-sol"').replace('name="lag" value="LSS"', 'name="lag" value="SoL"');
const housing = {
  units: [{ id: 'solrosen', name: 'Solrosen', law: 'SoL' as const, profile: 'Särskilt boende' }],
  apartments: [{ id: 'solrosen-1', unitId: 'solrosen', number: '1', rooms: 2, sizeSqm: 42, rent: 6200, status: 'ledig' as const }],
};
const admin = actors.admin;

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function open(): Promise<RuntimeApi> {
  harness = await startHarness({ processes: [['boka-lagenhet.bpmn', lssXml], ['boka-sol.bpmn', solXml]], housing, start: '2027-01-15T08:00:00Z' });
  return harness.runtime;
}

/** A case for `brukare` that is offered the apartment and declines it: ended the same day. */
async function declinedCase(rt: RuntimeApi, processKey: string, brukare: string): Promise<string> {
  const started = await rt.startInstance(processKey, { variables: { beslutsdatum: '2027-01-10', brukare, kon: 'kvinna', apartmentId: 'solrosen-1' } }, admin);
  const [task] = rt.listTasks({ instanceId: started.id }, admin);
  await rt.completeTask(task!.id, { svar: 'nej', orsak: `${brukare} vill bo nära sin dotter` }, admin);
  return started.id;
}

describe('gallring', () => {
  test('when an SoL case ended five years ago, then the preview lists it, and the run leaves a stub without the person in the case, its history and the register', async () => {
    // given
    let rt = await open();
    const sol = await declinedCase(rt, 'boka-sol', 'Anna Andersson');
    const lss = await declinedCase(rt, 'boka-lagenhet', 'Bo Berg');
    await rt.moveClock({ to: '2032-01-14T08:00:00Z' });
    const dayBefore = rt.gallringPreview();
    await rt.moveClock({ to: '2032-01-15T08:00:00Z' });
    // when
    const preview = rt.gallringPreview();
    const culled = await rt.runGallring(admin);
    rt = await harness!.restart();
    // then: due five years after the last entry, by the end of the next year; the LSS case is kept
    expect(dayBefore).toEqual([]);
    expect(preview.map((c) => [c.instanceId, c.processKey, c.rule, c.lastEntry, c.dueBy])).toEqual([[sol, 'boka-sol', 'sol-personakt', '2027-01-15', '2033-12-31']]);
    expect(culled.map((c) => c.instanceId)).toEqual([sol]);
    expect(rt.gallringPreview()).toEqual([]);
    // the stub: no variables or case number, the decision's facts without the person
    const stub = rt.getInstance(sol);
    expect(stub.variables).toEqual({});
    expect(rt.decisionOfCase(sol)).toMatchObject({ person: null, kon: 'kvinna', law: 'SoL', beslutsdatum: '2027-01-10', status: 'ej-verkstallt' });
    const history = await rt.getHistory(sol);
    expect(history.at(-1)).toMatchObject({ type: 'case.culled', actor: 'admin', data: { rule: 'sol-personakt' } });
    expect(history.slice(0, -1).every((e) => e.data === null)).toBe(true);
    // nothing of the person in the files either (her answer's reason named her too)
    const files = ['history/' + sol + '.jsonl', 'instances/' + sol + '.json', 'instances/' + sol + '.summary.json', 'housing/journal.jsonl'];
    for (const file of files) expect(await readFile(path.join(harness!.dataDir, file), "utf8"), file).not.toMatch(/Anna/);
    console.log(await readFile(path.join(harness!.dataDir, "housing/journal.jsonl"), "utf8"));
    const queue = rt.housingRegister().queue;
    expect(queue.find((q) => q.instanceId === sol)?.applicant).toBe('(gallrad)');
    // the LSS case and its register entry are as they were
    expect(rt.getInstance(lss).variables.brukare).toBe('Bo Berg');
    expect(queue.find((q) => q.instanceId === lss)?.applicant).toBe('Bo Berg');
    expect((await readFile(path.join(harness!.dataDir, 'housing/journal.jsonl'), 'utf8'))).toMatch(/Bo Berg/);
    // the run is logged, without the person
    expect(await rt.gallringRuns()).toEqual([{ at: '2032-01-15T08:00:00.000Z', by: 'admin', cases: [{ instanceId: sol, processKey: 'boka-sol', rule: 'sol-personakt' }] }]);
  });

  test('when the same person has a later case, then the five years count from its last entry, and a case still open keeps them all', async () => {
    // given: Cilla's first case ends in 2027, her second in 2029; Doris's first ends in 2027 and her second runs on
    const rt = await open();
    const cillaFirst = await declinedCase(rt, 'boka-sol', 'Cilla');
    const dorisFirst = await declinedCase(rt, 'boka-sol', 'Doris');
    await rt.moveClock({ to: '2029-03-01T08:00:00Z' });
    const cillaLater = await declinedCase(rt, 'boka-sol', 'Cilla');
    await rt.startInstance('boka-sol', { variables: { beslutsdatum: '2029-02-20', brukare: 'Doris', kon: 'kvinna', apartmentId: 'solrosen-1' } }, admin);
    // when
    await rt.moveClock({ to: '2033-06-01T08:00:00Z' });
    const before = rt.gallringPreview().map((c) => c.instanceId);
    await rt.moveClock({ to: '2034-03-01T08:00:00Z' });
    const after = rt.gallringPreview().map((c) => c.instanceId);
    // then
    expect(before).toEqual([]);
    expect(after.sort()).toEqual([cillaFirst, cillaLater].sort());
    expect(after).not.toContain(dorisFirst);
  });

  test('when a culled case is sent a decision event, then it is refused and the stub stays as it is', async () => {
    // given
    const rt = await open();
    const sol = await declinedCase(rt, 'boka-sol', 'Erik');
    await rt.moveClock({ to: '2032-02-01T08:00:00Z' });
    await rt.runGallring(admin);
    const decision = rt.decisionOfCase(sol)!;
    // when
    const attempt = rt.recordDecisionEvent(decision.id, { type: 'avslutat', date: '2032-02-01', reason: 'Erik flyttade' }, admin);
    // then
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
    expect(rt.decisionOfCase(sol)?.events).toEqual(decision.events);
  });
});
