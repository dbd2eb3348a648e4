// (b) and (c): the same process driven through the HTTP API with durable storage.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createClient, expectStatus, percentile, type Client } from './http-client.js';

const processKey = 'bench-tva-steg';

export async function startServer(dataDir: string, processesDir: string): Promise<{ app: FastifyInstance; client: Client }> {
  const config = loadConfig({ DATA_DIR: dataDir, PROCESSES_DIR: processesDir, CLOCK: 'system', DEMO: '1', LOG_LEVEL: 'silent', PORT: '0' });
  const app = await buildApp(config);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, client: createClient(address, 'admin') };
}

async function taskOf(client: Client, instanceId: string): Promise<string> {
  const tasks = await expectStatus(client.call<{ id: string }[]>('GET', `/api/tasks?instanceId=${instanceId}`), 200);
  return tasks[0]!.id;
}

async function runOneInstance(client: Client): Promise<void> {
  const { id } = await expectStatus(client.call<{ id: string }>('POST', `/api/processes/${processKey}/instances`, { variables: {} }), 201);
  for (let step = 0; step < 2; step++) {
    await expectStatus(client.call('POST', `/api/tasks/${await taskOf(client, id)}/complete`, { variables: {} }), 200);
  }
}

/** Whole instances per second, one client after the other (start, list, complete, list, complete). */
export async function measureHttpThroughput(client: Client, count: number): Promise<number> {
  for (let i = 0; i < 20; i++) await runOneInstance(client);
  const started = performance.now();
  for (let i = 0; i < count; i++) await runOneInstance(client);
  return count / ((performance.now() - started) / 1000);
}

/** Latency of `POST /api/tasks/:id/complete` for `count` instances already waiting at their first task. */
export async function measureCompletionLatency(client: Client, count: number): Promise<{ p50: number; p99: number }> {
  const instances = await expectStatus(client.call<{ id: string }[]>('GET', `/api/instances?processKey=${processKey}&state=running`), 200);
  const timings: number[] = [];
  for (const instance of instances.slice(0, count)) {
    const taskId = await taskOf(client, instance.id);
    const started = performance.now();
    await expectStatus(client.call('POST', `/api/tasks/${taskId}/complete`, { variables: {} }), 200);
    timings.push(performance.now() - started);
  }
  return { p50: percentile(timings, 50), p99: percentile(timings, 99) };
}
