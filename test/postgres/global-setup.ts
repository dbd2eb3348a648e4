// vitest's global setup: a temp directory for the test cluster, handed to the tests; the cluster itself is started
// by the first test that needs PostgreSQL (scripts/postgres-cluster.ts, shared with the bench), so a run without such
// tests costs nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopCluster } from '../../scripts/postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's PostgreSQL cluster lives (its data, socket and log), started on first use. */
    postgresDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pg-test-'));
  project.provide('postgresDir', dir);
  return async () => {
    await stopCluster(dir);
    await rm(dir, { recursive: true, force: true });
  };
}
