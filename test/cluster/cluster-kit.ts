// Several real server processes (src/server.ts) on ONE PostgreSQL database, as a municipality runs them behind a load
// balancer: each its own port and data directory, all the same SESSION_KEY, the system clock, the cluster fixtures.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../postgres/test-database.js';
import { basic } from '../web/basic-auth.js';

const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Two small diagrams (two user tasks in a row; a PT2S timer before a user task), deployed by every server at boot. */
export const clusterProcessesDir = path.join(projectRoot, 'test', 'fixtures', 'processes', 'cluster');
const bootTimeoutMs = 30_000;
const stopTimeoutMs = 5_000;

export interface ClusterServer {
  name: string;
  baseUrl: string;
  /** The process; null exitCode while it runs. */
  child: ChildProcess;
  dataDir: string;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface Cluster {
  database: TestDatabase;
  servers: ClusterServer[];
  /** Starts `count` servers one after the other, each once the one before answers /health (demo data seeded once). */
  start(count: number): Promise<ClusterServer[]>;
  /** Starts `count` servers at the same moment, as two machines booting on an empty database. */
  startTogether(count: number): Promise<ClusterServer[]>;
  /**
   * An API request as a demo user (password `demo`) by HTTP Basic, which every server checks against its own users; a
   * string body is sent as BPMN XML (the upload), anything else as JSON.
   */
  call<T = unknown>(server: ClusterServer, user: string, method: string, url: string, body?: unknown): Promise<Answer<T>>;
  /** SIGKILL: the process ends at once, no shutdown hook runs, its connections to the database drop. */
  kill9(server: ClusterServer): Promise<void>;
  /** Stops every server still running, removes their data directories, drops the database. */
  stop(): Promise<void>;
}

/** Every child any cluster started, killed if the test process itself ends first (a crashed worker leaves no server). */
const living = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

/** A fresh database and no server yet; `env` is added to every server's environment (DEMO, CLOCK, …). */
export async function createCluster(env: Record<string, string> = {}): Promise<Cluster> {
  const database = await createTestDatabase();
  const sessionKey = randomBytes(32).toString('hex');
  const servers: ClusterServer[] = [];
  const dataDirs: string[] = [];

  const spawnServer = async (): Promise<{ server: ClusterServer; stderr: () => string }> => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'bk-cluster-'));
    dataDirs.push(dataDir);
    const port = await freePort();
    const name = `server-${servers.length + 1}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        STORE: 'postgres',
        DATABASE_URL: database.url,
        SESSION_KEY: sessionKey,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        PROCESSES_DIR: clusterProcessesDir,
        CLOCK: 'system',
        DEMO: '1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    living.add(child);
    child.once('exit', () => living.delete(child));
    // Kept to say why a server did not come up (the last few kB: a boot error is short).
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
    const server: ClusterServer = { name, baseUrl: `http://127.0.0.1:${port}`, child, dataDir };
    servers.push(server);
    return { server, stderr: () => stderr };
  };

  const ready = async ({ server, stderr }: { server: ClusterServer; stderr: () => string }): Promise<ClusterServer> => {
    const deadline = Date.now() + bootTimeoutMs;
    for (;;) {
      if (server.child.exitCode !== null) throw new Error(`${server.name} exited with ${server.child.exitCode}: ${stderr()}`);
      if (Date.now() > deadline) throw new Error(`${server.name} did not answer /health within ${bootTimeoutMs} ms: ${stderr()}`);
      if (await fetch(`${server.baseUrl}/health`).then((r) => r.ok, () => false)) return server;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const cluster: Cluster = {
    database,
    servers,
    async start(count) {
      const started: ClusterServer[] = [];
      for (let i = 0; i < count; i++) started.push(await ready(await spawnServer()));
      return started;
    },
    async startTogether(count) {
      const spawned = await Promise.all(Array.from({ length: count }, () => spawnServer()));
      return Promise.all(spawned.map(ready));
    },
    async call<T>(server: ClusterServer, user: string, method: string, url: string, body?: unknown): Promise<Answer<T>> {
      const type = typeof body === 'string' ? 'application/xml' : 'application/json';
      const response = await fetch(`${server.baseUrl}${url}`, {
        method,
        headers: { authorization: basic(user), ...(body === undefined ? {} : { 'content-type': type }) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    async kill9(server) {
      if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      await Promise.all(servers.map((server) => stopGently(server.child)));
      await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
      await database.drop();
    },
  };
  return cluster;
}

/** SIGTERM, and SIGKILL if the server has not ended within a few seconds: a test never leaves a process behind. */
async function stopGently(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
  await exited;
  clearTimeout(timer);
}

/** A port nobody listens on now (the system picks it), for the next server. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((r) => probe.close(r));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Asks `read` until `done` holds of its answer, at most `timeoutMs`; returns the last answer either way, so the test's
 * own expect says what differed. For reads on a server other than the one that wrote: its lists follow the database
 * within moments, not in the same instant.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}
