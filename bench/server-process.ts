// Runs the real server (`node --import tsx src/server.ts`) in its own process, as `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface ServerProcess {
  baseUrl: string;
  /** Milliseconds from spawn to `/health` answering 200. */
  readyMs: number;
  residentMb(): Promise<number>;
  stop(): Promise<void>;
}

export async function startServerProcess(dataDir: string, processesDir: string): Promise<ServerProcess> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PROCESSES_DIR: processesDir, PORT: String(port), HOST: '127.0.0.1', CLOCK: 'system', DEMO: '1', LOG_LEVEL: 'warn' },
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
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}
