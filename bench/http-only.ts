// `node --import tsx bench/http-only.ts`: only figure (b), HTTP throughput with 1 and 8 clients and the server's CPU per instance, for a
// quick before/after of a change on the transition path (BENCH_STORES, BENCH_RUNS, BENCH_WARMUP as in bench/run.ts; BENCH_CLIENTS: 1,8).
import '../src/zod-jitless.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchStores, type StoreName } from './bench-stores.js';
import { createClient } from './http-client.js';
import { measureHttpThroughput } from './http-api.js';
import { measureRawEngine } from './raw-engine.js';
import { startServerProcess } from './server-process.js';

const processesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'processes');
const httpRuns = Number(process.env.BENCH_RUNS ?? 500);
const storeNames = (process.env.BENCH_STORES ?? 'lowdb,postgres').split(',') as StoreName[];
const clientCounts = (process.env.BENCH_CLIENTS ?? '1,8').split(',').map(Number);
const stores = benchStores();

const raw = await measureRawEngine(path.join(processesDir, 'bench-tva-steg.bpmn'), 3000);
console.log(`(a) bpmn-engine ensam: ${raw.toFixed(0)} instanser/s (${(1000 / raw).toFixed(1)} ms/instans)`);
try {
  for (const store of storeNames) {
    for (const clients of clientCounts) {
      const fresh = await stores.fresh(store);
      try {
        const server = await startServerProcess(fresh.dataDir, processesDir, fresh.env);
        try {
          const { rate, cpu } = await measureHttpThroughput(createClient(server.baseUrl, 'admin'), httpRuns, clients, () => server.cpuSeconds());
          const cpuMs = (cpu * 1000) / httpRuns;
          console.log(`(b) ${store}, ${clients} klient(er): ${rate.toFixed(1)} instanser/s, b/a ${(rate / raw).toFixed(2)}, serverns CPU ${cpuMs.toFixed(1)} ms/instans`);
        } finally {
          await server.stop();
        }
      } finally {
        await fresh.remove();
      }
    }
  }
} finally {
  await stores.close();
}
