// `npm run bench`: the figures of BENCHMARKS.md, measured in one run on this machine, for both stores side by side.
import '../src/zod-jitless.js';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchStores, type StoreName } from './bench-stores.js';
import { createClient } from './http-client.js';
import { measureDiagramCheck } from './diagram-check.js';
import { measureTimerBurst } from './timer-burst.js';
import { measureCompletionLatency, measureHttpThroughput, warmUpInstances } from './http-api.js';
import { difference, pgCounters, pgRowSizes, type PgCounters } from './pg-activity.js';
import { populate } from './populate.js';
import { measureRawEngine } from './raw-engine.js';
import { resultsTable } from './results-table.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { measureTwoServers, type Balancing } from './two-servers.js';

const processesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'processes');
const diagram = path.join(processesDir, 'bench-tva-steg.bpmn');
/** Sizes: the full run by default; smaller ones for a quick look (the output says which was run). */
const large = Number(process.env.BENCH_INSTANCES ?? 10_000);
const httpRuns = Number(process.env.BENCH_RUNS ?? 500);
const timerCount = Number(process.env.BENCH_TIMERS ?? 5_000);
const storeNames = (process.env.BENCH_STORES ?? 'lowdb,postgres').split(',') as StoreName[];
if (storeNames.some((s) => s !== 'lowdb' && s !== 'postgres')) throw new Error('BENCH_STORES: lowdb, postgres eller båda');
const log = (line: string) => console.log(line);
const benchStarted = performance.now();
const stores = benchStores();
const table = resultsTable();
const n = (value: number) => value.toLocaleString('sv-SE');

/**
 * A fresh store with `running` waiting instances and the server started over it in its own process; with PostgreSQL,
 * also what the cluster did meanwhile.
 */
async function withServer<T>(store: StoreName, running: number, work: (server: ServerProcess) => Promise<T>): Promise<{ value: T; pg?: PgCounters }> {
  const fresh = await stores.fresh(store);
  try {
    if (running) await populate(fresh, processesDir, running, (done) => log(`  … ${done} instanser skapade (${store})`));
    const cluster = stores.clusterDir();
    const before = fresh.database && cluster ? await pgCounters(cluster, fresh.database) : undefined;
    const server = await startServerProcess(fresh.dataDir, processesDir, fresh.env);
    let value: T;
    try {
      value = await work(server);
    } finally {
      await server.stop();
    }
    if (before && cluster && fresh.database) {
      const used = difference(await pgCounters(cluster, fresh.database), before);
      log(`  PostgreSQL under mätningen: ${n(used.commits)} commits, ${n(used.walSyncs)} WAL-fsync (${used.walSyncMs.toFixed(0)} ms), ${(used.walBytes / 2 ** 20).toFixed(1)} MiB WAL`);
      log(`  ${await pgRowSizes(cluster, fresh.database)}`);
      return { value, pg: used };
    }
    return { value };
  } finally {
    await fresh.remove();
  }
}

const cpu = os.cpus()[0]?.model ?? 'okänd';
log(`Maskin: ${os.cpus().length} kärnor (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
log(`Storlek: ${n(large)} pågående för (c)/(d), ${n(httpRuns)} instanser per (b) efter ${n(warmUpInstances)} för uppvärmning, ${n(timerCount)} timrar för (f); lagringar: ${storeNames.join(', ')}`);
if (storeNames.includes('postgres')) {
  log('PostgreSQL: ett eget kluster för bänken (initdb, unix-socket), fsync=on, synchronous_commit=on, full_page_writes=on');
}

const raw = await measureRawEngine(diagram, 3000);
log(`(a) bpmn-engine i processen, start → uppgift → uppgift → slut: ${raw.toFixed(0)} instanser/s`);
for (const store of storeNames) table.set('(a) bpmn-engine ensam, i processen, ingen lagring', '', store, `${raw.toFixed(0)} inst/s`);

for (const store of storeNames) {
  log(`— ${store} —`);
  for (const clients of [1, 8]) {
    const { value, pg: used } = await withServer(store, 0, (server) =>
      measureHttpThroughput(createClient(server.baseUrl, 'admin'), httpRuns, clients, () => server.cpuSeconds()),
    );
    const http = value.rate;
    // The measured instances and the server's CPU time for them (the warm-up's instances are outside both).
    const cpuMs = (value.cpu * 1000) / httpRuns;
    log(`(b) HTTP-API:t, servern i egen process, ${clients} klient${clients > 1 ? 'er' : ''}: ${http.toFixed(1)} instanser/s, kvot b/a = ${(http / raw).toFixed(3)}`);
    const target = clients === 8 ? 'b/a ≥ 0,5 (minst en lagring)' : '';
    const label = `(b) HTTP-API, ${clients} klient${clients > 1 ? 'er' : ''}`;
    table.set(label, target, store, `${http.toFixed(1)} inst/s, b/a ${(http / raw).toFixed(2)}; serverns CPU ${cpuMs.toFixed(0)} ms/inst`);
    if (used) {
      const all = httpRuns + warmUpInstances;
      const per = (value: number) => (value / all).toFixed(1);
      table.set(`${label}: PostgreSQL per instans (start + 2 slutföranden)`, '', store, `${per(used.commits)} commits, ${per(used.walSyncs)} WAL-fsync à ${(used.walSyncMs / Math.max(1, used.walSyncs)).toFixed(1)} ms, ${(used.walBytes / all / 1024).toFixed(0)} kB WAL`);
    }
  }
  const { value: small } = await withServer(store, 100, (server) => measureCompletionLatency(createClient(server.baseUrl, 'admin'), 100));
  log(`(c) slutför uppgift med 100 pågående: p50 ${small.p50.toFixed(1)} ms, p99 ${small.p99.toFixed(1)} ms`);
  table.set('(c) slutför uppgift, 100 pågående', '', store, `p50 ${small.p50.toFixed(1)} ms, p99 ${small.p99.toFixed(1)} ms`);
  const { value: big } = await withServer(store, large, async (server) => {
    const rss = await server.residentMb();
    log(`(d) start till /health 200 med ${n(large)} pågående: ${(server.readyMs / 1000).toFixed(2)} s, RSS då ${rss.toFixed(0)} MB`);
    table.set(`(d) start till /health med ${n(large)} lagrade`, '≤ 3 s', store, `${(server.readyMs / 1000).toFixed(2)} s`);
    table.set('(d) start, RSS då (serverprocessen)', '< 300 MB', store, `${rss.toFixed(0)} MB`);
    return measureCompletionLatency(createClient(server.baseUrl, 'admin'), 100);
  });
  log(`(c) slutför uppgift med ${n(large)} pågående: p50 ${big.p50.toFixed(1)} ms, p99 ${big.p99.toFixed(1)} ms; kvot p50 = ${(big.p50 / small.p50).toFixed(2)}`);
  table.set(`(c) slutför uppgift, ${n(large)} pågående`, 'p50-kvot ≤ 1,5', store, `p50 ${big.p50.toFixed(1)} ms, p99 ${big.p99.toFixed(1)} ms; kvot ${(big.p50 / small.p50).toFixed(2)}`);

  const fresh = await stores.fresh(store);
  try {
    const timers = await measureTimerBurst(timerCount, path.join(processesDir, '..', '..', 'config', 'ivo.json'), fresh);
    log(`(f) ${n(timerCount)} timrar som förfaller samtidigt, en klockflytt (i processen): ${timers.toFixed(0)} per sekund`);
    table.set(`(f) ${n(timerCount)} timrar på en gång, i processen`, '≥ 200/s', store, `${timers.toFixed(0)}/s`);
  } finally {
    await fresh.remove();
  }
  const twoLabel = (balancing: Balancing) => `(g) två servrar, en databas, 8 klienter, ${balancing === 'sticky' ? 'var klient hos en server' : 'varannan begäran till var server'}`;
  for (const balancing of ['sticky', 'alternate'] as const) {
    if (store !== 'postgres') {
      table.set(twoLabel(balancing), '', store, 'ej möjligt: datakatalogens lås nekar en andra process');
      continue;
    }
    const twoFresh = await stores.fresh(store);
    try {
      const two = await measureTwoServers(twoFresh, processesDir, httpRuns, 8, balancing);
      const cpuMs = (two.cpu * 1000) / httpRuns;
      log(`${twoLabel(balancing)}: ${two.rate.toFixed(1)} instanser/s, kvot g/a = ${(two.rate / raw).toFixed(3)}`);
      table.set(twoLabel(balancing), '', store, `${two.rate.toFixed(1)} inst/s, g/a ${(two.rate / raw).toFixed(2)}; servrarnas CPU ${cpuMs.toFixed(0)} ms/inst`);
    } finally {
      await twoFresh.remove();
    }
  }
}
await stores.close();

const checked = await measureDiagramCheck(path.join(processesDir, '..', '..', 'processes', 'lss-boende.bpmn'), 20);
log(`(e) kontroll av en uppladdad rutin (lss-boende.bpmn) i en varm kontrolltråd: p50 ${checked.p50.toFixed(0)} ms, max ${checked.max.toFixed(0)} ms (mål < 200 ms); första, med trådstart: ${checked.first.toFixed(0)} ms`);

log('');
log(table.render(storeNames));
log(`Hela körningen: ${((performance.now() - benchStarted) / 60_000).toFixed(1)} min`);
