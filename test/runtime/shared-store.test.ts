// Two runtimes on one PostgreSQL database, as two servers hold it: what one stores the other learns before it answers,
// a transition that lost a race is done again on what won it, due timers fire once, and the register is never handed
// out twice from two copies.
import { afterEach, describe, expect, test } from 'vitest';
import type { HousingSeed } from '../../src/housing/housing-seed.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../postgres/test-database.js';
import { actors, startHarness, type Harness, type HarnessOptions } from '../helpers/runtime-harness.js';

const housing: HousingSeed = {
  units: [{ id: 'solrosen', name: 'Gruppbostad Solrosen', law: 'LSS', profile: 'Gruppbostad för vuxna' }],
  apartments: [{ id: 'solrosen-1', unitId: 'solrosen', number: '1', rooms: 2, sizeSqm: 42, rent: 6200, status: 'ledig' }],
};

describe('two servers on one PostgreSQL database', () => {
  let database: TestDatabase | undefined;
  const servers: Harness[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((h) => h.close()));
    await database?.drop();
    database = undefined;
  });

  async function twoServers(options: Omit<HarnessOptions, 'createStore'>): Promise<[Harness, Harness]> {
    database ??= await createTestDatabase();
    const url = database.url;
    const a = await startHarness({ ...options, createStore: () => createPostgresStore({ databaseUrl: url }) });
    servers.push(a);
    const { housing: _seededOnce, ...rest } = options;
    const b = await startHarness({ ...rest, createStore: () => createPostgresStore({ databaseUrl: url }) });
    servers.push(b);
    return [a, b];
  }

  test('when a task is completed on one server, then completing it there is refused with task_closed and, once caught up, the other shows the case as the first does', async () => {
    // given
    const [a, b] = await twoServers({ processes: ['engine/beslut-svar.bpmn'] });
    const { id } = await a.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'Brukare A' } }, actors.handlaggare);
    await b.runtime.catchUp();
    const [task] = b.runtime.listTasks({ instanceId: id }, actors.admin);
    // when
    await a.runtime.completeTask(task!.id, { svar: 'ja' }, actors.enhetschef);
    const stale = b.runtime.listTasks({ instanceId: id }, actors.admin).map((t) => t.id);
    const refused = b.runtime.completeTask(task!.id, { svar: 'nej' }, actors.enhetschef);
    // then
    await expect(refused).rejects.toMatchObject({ code: 'task_closed', status: 409 });
    await b.runtime.catchUp();
    expect(stale).toEqual([task!.id]);
    expect(b.runtime.listTasks({ instanceId: id }, actors.admin).map((t) => t.id)).not.toContain(task!.id);
    expect(b.runtime.getInstance(id)).toEqual(a.runtime.getInstance(id));
    expect(b.runtime.getInstance(id)).toMatchObject({ variables: { svar: 'ja' } });
    expect((await b.runtime.getHistory(id)).filter((e) => e.type === 'task.completed')).toHaveLength(1);
  });

  test('when both servers complete the same task at the same moment, then one succeeds, the other gets 409, and the history has one completion', async () => {
    // given
    const [a, b] = await twoServers({ processes: ['engine/beslut-svar.bpmn'] });
    const { id } = await a.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'Brukare A' } }, actors.handlaggare);
    await b.runtime.catchUp();
    const [task] = a.runtime.listTasks({ instanceId: id }, actors.admin);
    // when
    const results = await Promise.allSettled([
      a.runtime.completeTask(task!.id, { svar: 'ja' }, actors.enhetschef),
      b.runtime.completeTask(task!.id, { svar: 'nej' }, actors.enhetschef),
    ]);
    // then
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [failure] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failure?.reason).toMatchObject({ status: 409 });
    expect((await a.runtime.getHistory(id)).filter((e) => e.type === 'task.completed')).toHaveLength(1);
  });

  test('when one server moves the manual clock past timers of cases started on both, then each timer fires once and the other server’s clock follows', async () => {
    // given
    const [a, b] = await twoServers({ processes: ['engine/vantetid.bpmn'], start: '2027-01-15T08:00:00Z' });
    const ids = [];
    for (const h of [a, b, a, b]) ids.push((await h.runtime.startInstance('vantetid', { variables: {} }, actors.admin)).id);
    await a.runtime.catchUp();
    // when
    await a.runtime.moveClock({ advance: 'P4M' });
    await b.runtime.catchUp();
    const followed = b.runtime.clockNow().now;
    await b.runtime.moveClock({ advance: 'P1D' });
    // then
    expect(followed).toBe(a.runtime.clockNow().now);
    expect(Date.parse(b.runtime.clockNow().now) - Date.parse(followed)).toBe(24 * 60 * 60 * 1000);
    for (const id of ids) {
      const history = await b.runtime.getHistory(id);
      expect(history.filter((e) => e.type === 'timer.fired' || (e.type === 'activity.end' && e.elementId === 'tremanader'))).toHaveLength(1);
      expect(b.runtime.listTasks({ instanceId: id }, actors.admin)).toHaveLength(1);
    }
  });

  test('when the second server reserves an apartment the first reserved a moment ago, then its step is done again on the current register and takes the modelled error path', async () => {
    // given
    const [a, b] = await twoServers({ processes: ['engine/boka-lagenhet.bpmn'], housing });
    await b.runtime.catchUp();
    const start = (h: Harness, brukare: string) =>
      h.runtime.startInstance('boka-lagenhet', { variables: { beslutsdatum: '2027-01-15', brukare, kon: 'kvinna', apartmentId: 'solrosen-1' } }, actors.admin);
    // when: b has not learned of a's reservation before its own step reserves
    const first = await start(a, 'Brukare A');
    const second = await start(b, 'Brukare B');
    // then
    expect(a.runtime.getInstance(first.id).active).not.toEqual([{ elementId: 'valjAnnan', name: 'Välj en annan lägenhet' }]);
    expect(b.runtime.getInstance(second.id).active).toEqual([{ elementId: 'valjAnnan', name: 'Välj en annan lägenhet' }]);
    await a.runtime.catchUp();
    const apartment = (h: Harness) => h.runtime.housingRegister().apartments.find((x) => x.id === 'solrosen-1');
    expect(apartment(a)).toEqual(apartment(b));
    expect(apartment(a)).toMatchObject({ status: 'reserverad' });
    expect(a.runtime.housingRegister().queue.map((q) => q.applicant).sort()).toEqual(['Brukare A', 'Brukare B']);
  });

  test('when a server whose copy is behind moves the clock past a timer another server armed, then the timer fires once, on the case as stored', async () => {
    // given: a keeps the engine of the case at its first task; b completes the task, arming the timer
    const [a, b] = await twoServers({ processes: [['tvasteg.bpmn', twoSteps]], start: '2027-01-15T08:00:00Z' });
    const { id } = await a.runtime.startInstance('tvasteg', { variables: {} }, actors.admin);
    await b.runtime.catchUp();
    const [task] = b.runtime.listTasks({ instanceId: id }, actors.admin);
    await b.runtime.completeTask(task!.id, {}, actors.enhetschef);
    // when: a has had no request since
    await a.runtime.moveClock({ advance: 'PT2H' });
    await b.runtime.catchUp();
    // then
    expect((await b.runtime.getHistory(id)).filter((e) => e.type === 'timer.fired')).toHaveLength(1);
    expect(b.runtime.listTasks({ instanceId: id }, actors.admin).map((t) => t.name)).toEqual(['Andra']);
  });

  test('when another server publishes a version and starts a case on it while this one boots, then this one learns the version and can step the case', async () => {
    // given
    database = await createTestDatabase();
    const url = database.url;
    const options = { processes: [['tvasteg.bpmn', twoSteps]] as [string, string][], start: '2027-01-15T08:00:00Z' };
    const b = await startHarness({ ...options, createStore: () => createPostgresStore({ databaseUrl: url }) });
    servers.push(b);
    let startedOnV2 = '';
    // b publishes and starts just before a's first read of what the servers stored (after a loaded the versions)
    const createStore = () => {
      const store = createPostgresStore({ databaseUrl: url });
      const shared = store.shared!;
      let first = true;
      const changesSince: typeof shared.changesSince = async (cursor) => {
        if (first) {
          first = false;
          await b.runtime.deploy(twoSteps.replace('name="Andra"', 'name="Andra (v2)"'), actors.admin);
          startedOnV2 = (await b.runtime.startInstance('tvasteg', { variables: {} }, actors.admin)).id;
        }
        return shared.changesSince(cursor);
      };
      return Object.assign(Object.create(store) as typeof store, { open: () => store.open(), close: () => store.close(), shared: Object.assign(Object.create(shared) as typeof shared, { changesSince }) });
    };
    // when
    const a = await startHarness({ ...options, createStore });
    servers.push(a);
    await a.runtime.catchUp();
    const [task] = a.runtime.listTasks({ instanceId: startedOnV2 }, actors.admin);
    await a.runtime.completeTask(task!.id, {}, actors.enhetschef);
    // then
    expect(a.runtime.listTasks({ instanceId: startedOnV2 }, actors.admin).map((t) => t.name)).toEqual([]);
    expect(a.runtime.getInstance(startedOnV2)).toMatchObject({ version: 2 });
  });

  test('when a server that had the database to itself is joined by a second, then what the second stores is on the first from its next request', async () => {
    // given: a alone long enough to have looked and found nobody else (it then reads nothing per request)
    database = await createTestDatabase();
    const url = database.url;
    const options = { processes: ['engine/beslut-svar.bpmn'], createStore: () => createPostgresStore({ databaseUrl: url }) };
    const a = await startHarness(options);
    servers.push(a);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // when
    const b = await startHarness(options);
    servers.push(b);
    const { id } = await b.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'Brukare A' } }, actors.handlaggare);
    await a.runtime.catchUp();
    // then
    expect(a.runtime.listTasks({ instanceId: id }, actors.admin)).toHaveLength(1);
  });

  test('when another server stored a version this one cannot read (a newer release\'s), then this one logs it once and keeps serving on the versions it can read', async () => {
    // given
    const errors: unknown[] = [];
    const logger = { info() {}, warn() {}, error: (fields: unknown) => void errors.push(fields) };
    const [a] = await twoServers({ processes: [['tvasteg.bpmn', twoSteps]], logger });
    const store = createPostgresStore({ databaseUrl: database!.url });
    await store.open();
    await store.definitions.add({ key: 'tvasteg', version: 2, name: 'Två steg', hash: 'framtid', deployedAt: '2027-01-15T08:00:00.000Z', deployedBy: 'system' }, '<bpmn:definitions>okänt</bpmn:definitions>');
    await store.close();
    // when
    await a.runtime.catchUp();
    await a.runtime.catchUp();
    const started = await a.runtime.startInstance('tvasteg', { variables: {} }, actors.admin);
    // then
    expect(errors.filter((e) => (e as { version?: number }).version === 2)).toEqual([expect.objectContaining({ processKey: 'tvasteg', version: 2 })]);
    expect(a.runtime.getInstance(started.id).state).toBe('running');
  });
});

const twoSteps = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="tvaStegDefs" targetNamespace="http://boendekoordination.se/test">
  <bpmn:process id="tvasteg" name="Två steg" isExecutable="true">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="forsta" />
    <bpmn:userTask id="forsta" name="Första" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f2" sourceRef="forsta" targetRef="vanta" />
    <bpmn:intermediateCatchEvent id="vanta" name="En timme">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="vanta" targetRef="andra" />
    <bpmn:userTask id="andra" name="Andra" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f4" sourceRef="andra" targetRef="slut" />
    <bpmn:endEvent id="slut" name="Klart" />
  </bpmn:process>
</bpmn:definitions>
`;
