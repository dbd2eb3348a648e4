// Two server processes on one PostgreSQL database (issue 15): a case moves on wherever its task is completed, a race
// between them gives one winner, a timer fires once with both schedulers running, two cases reserving one apartment at
// once leave one holding it, a version published on one is started on the other, a sign-in and a sign-out hold on
// both, and one server killed with -9 leaves the other serving every case. One pair of servers serves the file's tests
// in order (a boot costs seconds of the time budget); each test works on its own cases, and the kill comes last.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clusterProcessesDir, createCluster, eventually, type Cluster, type ClusterServer } from './cluster-kit.js';
import { signInOn, signOutOn, withSession } from './cluster-session.js';
import { apartmentOn, caseOn, complete, completeAll, count, historyOf, openTasks, startAs, startCase } from './cluster-steps.js';

describe('two servers on one database', () => {
  let cluster: Cluster;
  let a: ClusterServer;
  let b: ClusterServer;
  beforeAll(async () => {
    cluster = await createCluster();
    [a, b] = (await cluster.start(2)) as [ClusterServer, ClusterServer];
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  test('when a case started on A has its task completed on B, then A shows the task gone and the case at the next task', async () => {
    // given
    const id = await startCase(cluster, a, 'kluster-arende', 'KL-1');
    // The other server's lists follow the database within moments, not in the same instant: it is asked again
    // for a few seconds at most (here and below) until it shows what the first server wrote.
    const onB = await eventually(() => openTasks(cluster, b, id), (tasks) => tasks.length === 1);
    expect(onB.map((t) => t.elementId)).toEqual(['granska']);
    // when
    const status = await complete(cluster, b, onB[0]!.id);
    // then
    expect(status).toBe(200);
    const onA = await eventually(() => openTasks(cluster, a, id), (tasks) => tasks.length === 1 && tasks[0]!.elementId === 'folja');
    expect(onA.map((t) => t.elementId)).toEqual(['folja']);
    expect(onA[0]!.id).not.toBe(onB[0]!.id);
    expect(await caseOn(cluster, a, id)).toEqual({ state: 'running', active: ['folja'] });
    expect(await complete(cluster, a, onB[0]!.id)).toBe(409);
  });

  test('when the same task is completed on A and on B at the same moment, then one answers 200 and the other 409, and the history has the completion once', async () => {
    // given: four cases, and both servers know each open task, so both really try to complete it
    const ids = await Promise.all([a, b, a, b].map((server, i) => startCase(cluster, server, 'kluster-arende', `KL-2-${i}`)));
    const known = await eventually(() => Promise.all(ids.map(async (id) => [await openTasks(cluster, a, id), await openTasks(cluster, b, id)])), (all) => all.flat().every((open) => open.length === 1));
    const tasks = known.map(([onA, onB]) => {
      expect(onA).toEqual(onB);
      expect(onA!.map((t) => t.elementId)).toEqual(['granska']);
      return onA![0]!;
    });
    // when: each task completed on both at once, all four races at the same moment
    const statuses = await Promise.all(tasks.map((task) => Promise.all([complete(cluster, a, task.id), complete(cluster, b, task.id)])));
    // then
    expect(statuses.map((pair) => [...pair].sort())).toEqual(ids.map(() => [200, 409]));
    for (const server of [a, b]) {
      for (const id of ids) {
        const history = await eventually(() => historyOf(cluster, server, id), (h) => count(h, 'task.created', 'folja') > 0);
        expect([count(history, 'task.completed', 'granska'), count(history, 'task.created', 'folja')]).toEqual([1, 1]);
        const open = await eventually(() => openTasks(cluster, server, id), (found) => found[0]?.elementId === 'folja');
        expect(open.map((t) => t.elementId)).toEqual(['folja']);
      }
    }
  });

  test('when cases with a two-second timer are started on both servers, then each timer fires exactly once and each case gets one follow-up task', async () => {
    // given
    const ids = await Promise.all([a, b, a, b, a, b].map((server, i) => startCase(cluster, server, 'kluster-timer', `KL-T${i}`)));
    // when: the timers fall due after two seconds, with both servers' schedulers looking (each every second)
    const fired = await eventually(
      () => Promise.all(ids.map((id) => openTasks(cluster, b, id))),
      (tasks) => tasks.every((open) => open.length > 0),
      10_000,
    );
    expect(fired.map((open) => open.length)).toEqual(ids.map(() => 1));
    // A second firing would come from the other scheduler's next look: one more timer case, started now and fired,
    // lets each scheduler look again (both look every second, the timer takes two) before the histories are read.
    const later = await startCase(cluster, a, 'kluster-timer', 'KL-T-later');
    await eventually(() => openTasks(cluster, a, later), (open) => open.length > 0, 10_000);
    // then
    for (const server of [a, b]) {
      for (const id of ids) {
        const history = await historyOf(cluster, server, id);
        expect({ id, fired: count(history, 'timer.fired', 'vanta'), tasks: count(history, 'task.created', 'folja') }).toEqual({ id, fired: 1, tasks: 1 });
        expect((await openTasks(cluster, server, id)).map((t) => t.elementId)).toEqual(['folja']);
      }
    }
  });

  test('when cases on A and on B reserve the same vacant apartment at the same moment, then one holds it and the other is sent to choose another, alike on both servers', async () => {
    // given: a vacant apartment added to the register on A, which B's register shows within moments
    const apartment = { id: 'kluster-1', unitId: 'solrosen', number: 'K1', rooms: 1, sizeSqm: 30, rent: 5000, status: 'ledig' };
    expect((await cluster.call(a, 'boendesamordnare', 'POST', '/api/housing', { apartments: [apartment] })).status).toBe(201);
    expect((await eventually(() => apartmentOn(cluster, b, 'kluster-1'), (found) => found !== undefined))?.status).toBe('ledig');
    // when
    const reserve = (server: ClusterServer, brukare: string) => startAs(cluster, server, 'boendesamordnare', 'kluster-reservera', `KL-R-${server.name}`, { brukare, apartmentId: 'kluster-1' });
    const ids = await Promise.all([reserve(a, 'Person på A'), reserve(b, 'Person på B')]);
    // then
    for (const server of [a, b]) {
      const steps = await eventually(
        () => Promise.all(ids.map(async (id) => (await openTasks(cluster, server, id, 'boendesamordnare')).map((t) => t.elementId).join())),
        (found) => found.every((step) => step !== ''),
      );
      expect([...steps].sort()).toEqual(['erbjud', 'valjAnnan']);
      const winner = ids[steps.indexOf('erbjud')];
      const queue = await cluster.call<{ id: string; instanceId: string }[]>(server, 'boendesamordnare', 'GET', '/api/housing/queue');
      expect(queue.body.filter((entry) => ids.includes(entry.instanceId)).map((entry) => entry.instanceId).sort()).toEqual([...ids].sort());
      const held = await eventually(() => apartmentOn(cluster, server, 'kluster-1'), (found) => found?.status === 'reserverad');
      expect(held?.status).toBe('reserverad');
      expect(queue.body.find((entry) => entry.id === held?.queueEntryId)?.instanceId).toBe(winner);
    }
  });

  test('when a new version of a diagram is published on A, then B starts its cases on that version', async () => {
    // given
    const source = await readFile(path.join(clusterProcessesDir, 'kluster-arende.bpmn'), 'utf8');
    const published = await cluster.call<{ version: number }>(a, 'processagare', 'POST', '/api/processes', source.replace('name="Granska"', 'name="Granska noga"'));
    expect(published.status).toBe(201);
    // when
    const id = await startCase(cluster, b, 'kluster-arende', 'KL-V2');
    // then
    for (const server of [a, b]) {
      const started = await eventually(() => cluster.call<{ version: number }>(server, 'admin', 'GET', `/api/instances/${id}`), (answer) => answer.status === 200);
      expect(started.body.version).toBe(published.body.version);
      const tasks = await eventually(() => cluster.call<{ name: string }[]>(server, 'enhetschef', 'GET', `/api/tasks?instanceId=${id}`), (answer) => answer.body.length > 0);
      expect(tasks.body.map((task) => task.name)).toEqual(['Granska noga']);
    }
  });

  test('when a person signs in on A, then B accepts the sign-in, and once they sign out on A, B refuses it too', async () => {
    // given: the same SESSION_KEY on both, so a cookie made by A can be read by B (no sticky sessions needed)
    const session = await signInOn(a, 'enhetschef');
    expect(await withSession(b, session, '/api/tasks')).toBe(200);
    // when
    expect(await signOutOn(a, session)).toBe(303);
    // then: the sign-out is kept in the database; B learns of it within moments
    expect(await withSession(a, session, '/api/tasks')).toBe(401);
    expect(await eventually(() => withSession(b, session, '/api/tasks'), (status) => status === 401)).toBe(401);
  });

  test('when A is killed with -9 amid a burst of completions, then B completes every open task, fires A\'s timers, and a third server sees the same state', async () => {
    // given
    const ids = await Promise.all([a, b, a, b, a, b, a, b].map((server, i) => startCase(cluster, server, 'kluster-arende', `KL-K${i}`)));
    const onA = await eventually(() => Promise.all(ids.map((id) => openTasks(cluster, a, id))), (all) => all.every((open) => open.length === 1));
    expect(onA.map((open) => open.map((t) => t.elementId))).toEqual(ids.map(() => ['granska']));
    // Two timer cases on A just before it dies: it is killed before their two seconds pass, so B's scheduler fires
    // them (a timer A had already claimed would wait out the claim, up to a minute, before B may fire it).
    const timerIds = await Promise.all([0, 1].map((i) => startCase(cluster, a, 'kluster-timer', `KL-KT${i}`)));
    // when: A is killed as soon as its first completion of the burst has answered; the rest are cut off mid-way
    const burst = onA.map((open) => complete(cluster, a, open[0]!.id));
    await Promise.race(burst);
    await cluster.kill9(a);
    const answered = (await Promise.allSettled(burst)).flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    // then: B completes whatever is open until every case has ended; a 409 only for a task A completed just before
    // it died, which B's lists show for a moment more
    const statuses = await Promise.all(ids.map((id) => completeAll(cluster, b, id)));
    expect(statuses.flat().filter((s) => s !== 200 && s !== 409)).toEqual([]);
    for (const id of ids) {
      expect(await caseOn(cluster, b, id)).toEqual({ state: 'completed', active: [] });
      const history = await historyOf(cluster, b, id);
      expect([count(history, 'task.completed', 'granska'), count(history, 'task.completed', 'folja')]).toEqual([1, 1]);
    }
    expect(answered.filter((s) => s !== 200)).toEqual([]);
    for (const id of timerIds) {
      const open = await eventually(() => openTasks(cluster, b, id), (tasks) => tasks.length > 0, 10_000);
      expect(open.map((t) => t.elementId)).toEqual(['folja']);
      expect(count(await historyOf(cluster, b, id), 'timer.fired', 'vanta')).toBe(1);
    }
    const [c] = (await cluster.start(1)) as [ClusterServer];
    for (const id of [...ids, ...timerIds]) {
      expect(await caseOn(cluster, c, id)).toEqual(await caseOn(cluster, b, id));
      expect(await historyOf(cluster, c, id)).toEqual(await historyOf(cluster, b, id));
      expect(await openTasks(cluster, c, id)).toEqual(await openTasks(cluster, b, id));
    }
  }, 60_000);
});
