// Runs the real server (`node --max-semi-space-size=32 --import tsx src/server.ts`) in its own process, as `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface ServerProcess {
  baseUrl: string;
  /** Milliseconds from spawn to `/health` answering 200. */
  readyMs: number;
  residentMb(): Promise<number>;
  /** CPU time the server process has used so far (user + system), in seconds. */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

/** `storeEnv` picks the store (STORE, DATABASE_URL); without it the server uses the embedded store in `dataDir`. */
export async function startServerProcess(dataDir: string, processesDir: string, storeEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  // BENCH_SERVER_ARGS: extra node flags for the server alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const extraArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  // The young generation `npm start` sets, so the bench measures the server as it runs (it ran without the flag before).
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=32', ...extraArgs, '--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PROCESSES_DIR: processesDir, PORT: String(port), HOST: '127.0.0.1', CLOCK: 'system', DEMO: '1', LOG_LEVEL: 'warn', ...storeEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/health`).then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    baseUrl,
    readyMs: performance.now() - started,
    async residentMb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async cpuSeconds() {
      // Fields 14 and 15 of /proc/<pid>/stat (after the command's closing parenthesis), in clock ticks of 1/100 s.
      const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}
