// (g) two server processes on one PostgreSQL database behind a "load balancer": `sticky`, each client stays with one
// server (half the clients on each, as a balancer keeping a session on its server does); `alternate`, each request goes
// to the next server, so an instance's start and its completions land on both (the hard case: no step finds its
// engine kept, and each first learns what the other server stored).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FreshStore } from './bench-stores.js';
import { createClient, type Client } from './http-client.js';
import { measureHttpThroughput } from './http-api.js';
import { startServerProcess } from './server-process.js';

export type Balancing = 'sticky' | 'alternate';

export async function measureTwoServers(fresh: FreshStore, processesDir: string, count: number, clients: number, balancing: Balancing): Promise<{ rate: number; cpu: number }> {
  // Each server keeps its users file and session key in its own DATA_DIR; the demo users are the same on both.
  const secondDir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-b-'));
  const env = { ...fresh.env, SESSION_KEY: 'b'.repeat(64) };
  const servers = [await startServerProcess(fresh.dataDir, processesDir, env)];
  try {
    servers.push(await startServerProcess(secondDir, processesDir, env));
    const each = servers.map((server) => createClient(server.baseUrl, 'admin'));
    let turn = 0;
    const alternating: Client = { call: (method, url, body) => each[turn++ % each.length]!.call(method, url, body) };
    const cpuSeconds = async () => (await Promise.all(servers.map((server) => server.cpuSeconds()))).reduce((a, b) => a + b, 0);
    const clientOf = (worker: number) => (balancing === 'alternate' ? alternating : each[worker % each.length]!);
    return await measureHttpThroughput(alternating, count, clients, cpuSeconds, clientOf);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await rm(secondDir, { recursive: true, force: true });
  }
}
