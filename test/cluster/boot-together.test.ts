// Two servers booting at the same moment on an empty database, as two machines do after an install: both come up,
// and what the first boot makes (the migrations, the diagrams of PROCESSES_DIR, the demo register) exists once.
import { afterEach, describe, expect, test } from 'vitest';
import { demoHousing } from '../../src/demo/demo-housing.js';
import { createCluster, type Cluster } from './cluster-kit.js';
import { startCase } from './cluster-steps.js';

describe('two servers booting together', () => {
  let cluster: Cluster | undefined;
  afterEach(async () => {
    await cluster?.stop();
    cluster = undefined;
  });

  test('when two servers start at the same moment on an empty database, then both serve, each diagram is deployed once and the demo register is there once', async () => {
    // given
    cluster = await createCluster();
    // when
    const servers = await cluster.startTogether(2);
    // then
    for (const server of servers) {
      const processes = await cluster.call<{ key: string; version: number }[]>(server, 'admin', 'GET', '/api/processes');
      expect(processes.body.map((p) => `${p.key} v${p.version}`).sort()).toEqual(['kluster-arende v1', 'kluster-timer v1']);
      for (const key of ['kluster-arende', 'kluster-timer']) {
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
  }, 60_000);
});
