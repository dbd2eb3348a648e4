// `npm run bench`: the figures of BENCHMARKS.md, measured in one run on this machine.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureColdStart } from './cold-start.js';
import { measureCompletionLatency, measureHttpThroughput, startServer } from './http-api.js';
import { populate } from './populate.js';
import { measureRawEngine } from './raw-engine.js';

const processesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'processes');
const diagram = path.join(processesDir, 'bench-tva-steg.bpmn');
const large = Number(process.env.BENCH_INSTANCES ?? 10_000);
const log = (line: string) => console.log(line);

async function withDataDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function latencyWith(running: number) {
  return withDataDir(async (dir) => {
    await populate(dir, processesDir, running, (n) => log(`  … ${n} instanser skapade`));
    const { app, client } = await startServer(dir, processesDir);
    try {
      return await measureCompletionLatency(client, 100);
    } finally {
      await app.close();
    }
  });
}

const cpu = os.cpus()[0]?.model ?? 'okänd';
log(`Maskin: ${os.cpus().length} kärnor (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);

const raw = await measureRawEngine(diagram, 2000);
log(`(a) bpmn-engine i processen, start → uppgift → uppgift → slut: ${raw.toFixed(0)} instanser/s`);

const http = await withDataDir(async (dir) => {
  const { app, client } = await startServer(dir, processesDir);
  try {
    return await measureHttpThroughput(client, 300);
  } finally {
    await app.close();
  }
});
log(`(b) samma process via HTTP-API:t med beständig lagring: ${http.toFixed(1)} instanser/s, kvot b/a = ${(http / raw).toFixed(3)} (mål ≥ 0,25)`);

const small = await latencyWith(100);
log(`(c) slutför uppgift med 100 pågående: p50 ${small.p50.toFixed(1)} ms, p99 ${small.p99.toFixed(1)} ms`);
const big = await latencyWith(large);
log(`(c) slutför uppgift med ${large} pågående: p50 ${big.p50.toFixed(1)} ms, p99 ${big.p99.toFixed(1)} ms; kvot p50 = ${(big.p50 / small.p50).toFixed(2)} (mål ≤ 1,5)`);

await withDataDir(async (dir) => {
  await populate(dir, processesDir, large, (n) => log(`  … ${n} instanser skapade`));
  const { readyMs, rssMb } = await measureColdStart(dir, processesDir, 3900 + Math.floor(Math.random() * 100));
  log(`(d) start till /health 200 med ${large} pågående: ${(readyMs / 1000).toFixed(2)} s (mål ≤ 3 s), RSS ${rssMb.toFixed(0)} MB (mål < 300 MB)`);
});
