// `npm run bench`: the figures of BENCHMARKS.md, measured in one run on this machine.
import '../src/zod-jitless.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from './http-client.js';
import { measureDiagramCheck } from './diagram-check.js';
import { measureTimerBurst } from './timer-burst.js';
import { measureCompletionLatency, measureHttpThroughput } from './http-api.js';
import { populate } from './populate.js';
import { measureRawEngine } from './raw-engine.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const processesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'processes');
const diagram = path.join(processesDir, 'bench-tva-steg.bpmn');
const large = Number(process.env.BENCH_INSTANCES ?? 10_000);
const log = (line: string) => console.log(line);

/** A fresh data directory with `running` waiting instances, and the server started over it in its own process. */
async function withServer<T>(running: number, work: (server: ServerProcess) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-'));
  try {
    if (running) await populate(dir, processesDir, running, (n) => log(`  … ${n} instanser skapade`));
    const server = await startServerProcess(dir, processesDir);
    try {
      return await work(server);
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const cpu = os.cpus()[0]?.model ?? 'okänd';
log(`Maskin: ${os.cpus().length} kärnor (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);

const raw = await measureRawEngine(diagram, 3000);
log(`(a) bpmn-engine i processen, start → uppgift → uppgift → slut: ${raw.toFixed(0)} instanser/s`);

for (const clients of [1, 8]) {
  const http = await withServer(0, (server) => measureHttpThroughput(createClient(server.baseUrl, 'admin'), 500, clients));
  log(`(b) samma process via HTTP-API:t (servern i egen process, beständig lagring), ${clients} klient${clients > 1 ? 'er' : ''} samtidigt: ${http.toFixed(1)} instanser/s, kvot b/a = ${(http / raw).toFixed(3)} (mål ≥ 0,25)`);
}

const small = await withServer(100, (server) => measureCompletionLatency(createClient(server.baseUrl, 'admin'), 100));
log(`(c) slutför uppgift med 100 pågående: p50 ${small.p50.toFixed(1)} ms, p99 ${small.p99.toFixed(1)} ms`);
const big = await withServer(large, async (server) => {
  log(`(d) start till /health 200 med ${large} pågående: ${(server.readyMs / 1000).toFixed(2)} s (mål ≤ 3 s), RSS då ${(await server.residentMb()).toFixed(0)} MB (mål < 300 MB)`);
  return measureCompletionLatency(createClient(server.baseUrl, 'admin'), 100);
});
log(`(c) slutför uppgift med ${large} pågående: p50 ${big.p50.toFixed(1)} ms, p99 ${big.p99.toFixed(1)} ms; kvot p50 = ${(big.p50 / small.p50).toFixed(2)} (mål ≤ 1,5)`);

const checked = await measureDiagramCheck(path.join(processesDir, '..', '..', 'processes', 'lss-boende.bpmn'), 20);
log(`(e) kontroll av en uppladdad rutin (lss-boende.bpmn) i en varm kontrolltråd: p50 ${checked.p50.toFixed(0)} ms, max ${checked.max.toFixed(0)} ms (mål < 200 ms); första, med trådstart: ${checked.first.toFixed(0)} ms`);

const timers = await measureTimerBurst(5000, path.join(processesDir, '..', '..', 'config', 'ivo.json'));
log(`(f) 5 000 timrar som förfaller samtidigt, en klockflytt (i processen, beständig lagring): ${timers.toFixed(0)} per sekund (mål ≥ 200)`);
