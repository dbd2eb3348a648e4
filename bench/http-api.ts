// (b) and (c): the same process driven through the HTTP API with durable storage.
import { expectStatus, percentile, type Client } from './http-client.js';

const processKey = 'bench-tva-steg';

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

/**
 * Instances run one after the other before the clock starts, so the server's code is compiled (BENCH_WARMUP): 200, as
 * (a) warms the engine with 200 runs; with 20 the server's first thousands of requests cost two to three times what
 * they cost later, and (b) measured a half-warm server against a warm engine.
 */
export const warmUpInstances = Number(process.env.BENCH_WARMUP ?? 200);

/**
 * Whole instances per second (start, list, complete, list, complete), with `clients` running side by side, and the
 * server's CPU seconds meanwhile (`cpuSeconds` read after the warm-up and at the end). `clientOf` gives each side-by-side
 * client its own connection (two servers: each its server).
 */
export async function measureHttpThroughput(client: Client, count: number, clients: number, cpuSeconds: () => Promise<number>, clientOf: (worker: number) => Client = () => client): Promise<{ rate: number; cpu: number }> {
  for (let i = 0; i < warmUpInstances; i++) await runOneInstance(client);
  const cpuBefore = await cpuSeconds();
  let next = 0;
  const worker = async (own: Client) => {
    while (next < count) {
      next++;
      await runOneInstance(own);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, i) => worker(clientOf(i))));
  const rate = count / ((performance.now() - started) / 1000);
  return { rate, cpu: (await cpuSeconds()) - cpuBefore };
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
