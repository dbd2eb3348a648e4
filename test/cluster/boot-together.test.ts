// Two servers booting at the same moment on an empty database, as two machines do after an install: both come up,
// and what the first boot makes (the migrations, the diagrams of PROCESSES_DIR, the demo register) exists once. They
// run the manual clock (CLOCK=manual), which is kept in the database: moved on one server, it is the other's too.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoHousing } from '../../src/demo/demo-housing.js';
import { createCluster, eventually, type Cluster, type ClusterServer } from './cluster-kit.js';
import { count, historyOf, openTasks, startCase } from './cluster-steps.js';

describe('two servers booting together', () => {
  let cluster: Cluster;
  let servers: ClusterServer[];
  beforeAll(async () => {
    cluster = await createCluster({ CLOCK: 'manual' });
    servers = await cluster.startTogether(2);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  test('when two servers start at the same moment on an empty database, then both serve, each diagram is deployed once and the demo register is there once', async () => {
    // given, when: beforeAll started both at once
    // then
    for (const server of servers) {
      const processes = await cluster.call<{ key: string; version: number }[]>(server, 'admin', 'GET', '/api/processes');
      expect(processes.body.map((p) => `${p.key} v${p.version}`).sort()).toEqual(['kluster-arende v1', 'kluster-reservera v1', 'kluster-timer v1']);
      for (const key of ['kluster-arende', 'kluster-reservera', 'kluster-timer']) {
        const process = await cluster.call<{ versions: unknown[] }>(server, 'admin', 'GET', `/api/processes/${key}`);
        expect({ key, versions: process.body.versions.length }).toEqual({ key, versions: 1 });
      }
      const units = await cluster.call<{ id: string }[]>(server, 'admin', 'GET', '/api/housing/units');
      expect(units.body.map((u) => u.id).sort()).toEqual(demoHousing.units.map((u) => u.id).sort());
      const apartments = await cluster.call<{ id: string }[]>(server, 'admin', 'GET', '/api/housing/apartments');
      expect(apartments.body.map((u) => u.id).sort()).toEqual(demoHousing.apartments.map((u) => u.id).sort());
      // and each takes work
      expect(await startCase(cluster, server, 'kluster-arende', `KL-B-${server.name}`)).toMatch(/\S/);
    }
  });

  test('when the manual clock is moved on one server, then the other shows the same time, and a timer of a case started on the other fires once', async () => {
    // given
    const [a, b] = servers as [ClusterServer, ClusterServer];
    const moved = await cluster.call<{ now: string }>(a, 'admin', 'POST', '/api/clock', { advance: 'P1D' });
    expect(moved.status).toBe(200);
    const onB = await eventually(() => cluster.call<{ now: string }>(b, 'admin', 'GET', '/api/clock'), (answer) => answer.body.now === moved.body.now);
    expect(onB.body.now).toBe(moved.body.now);
    const id = await startCase(cluster, b, 'kluster-timer', 'KL-CLOCK');
    // when: the two seconds pass on A's clock (the case's timer is due two seconds after B's now, the same time)
    const advanced = await cluster.call(a, 'admin', 'POST', '/api/clock', { advance: 'PT3S' });
    // then
    expect(advanced.status).toBe(200);
    for (const server of [a, b]) {
      const open = await eventually(() => openTasks(cluster, server, id), (tasks) => tasks.length > 0);
      expect(open.map((t) => t.elementId)).toEqual(['folja']);
      expect(count(await historyOf(cluster, server, id), 'timer.fired', 'vanta')).toBe(1);
    }
  });
});
