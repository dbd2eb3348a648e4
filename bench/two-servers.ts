// (g) two server processes on one PostgreSQL database, behind a round-robin "load balancer": each request goes to the
// next server, so an instance's start and its two completions land on different servers (the hard case: every step
// first learns what the other server stored).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FreshStore } from './bench-stores.js';
import { createClient, type Client } from './http-client.js';
import { measureHttpThroughput } from './http-api.js';
import { startServerProcess } from './server-process.js';

export async function measureTwoServers(fresh: FreshStore, processesDir: string, count: number, clients: number): Promise<{ rate: number; cpu: number }> {
  // Each server keeps its users file and session key in its own DATA_DIR; the demo users are the same on both.
  const secondDir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-b-'));
  const env = { ...fresh.env, SESSION_KEY: 'b'.repeat(64) };
  const servers = [await startServerProcess(fresh.dataDir, processesDir, env)];
  try {
    servers.push(await startServerProcess(secondDir, processesDir, env));
    const each = servers.map((server) => createClient(server.baseUrl, 'admin'));
    let turn = 0;
    const roundRobin: Client = { call: (method, url, body) => each[turn++ % each.length]!.call(method, url, body) };
    const cpuSeconds = async () => (await Promise.all(servers.map((server) => server.cpuSeconds()))).reduce((a, b) => a + b, 0);
    return await measureHttpThroughput(roundRobin, count, clients, cpuSeconds);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await rm(secondDir, { recursive: true, force: true });
  }
}
