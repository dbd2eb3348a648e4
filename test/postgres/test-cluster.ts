// A throwaway PostgreSQL cluster for the tests: initdb in a temp directory, reached only through a unix socket there,
// started by the first test that asks for it and stopped when the run ends. Debian's `postgresql` package provides it.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import lockfile from 'proper-lockfile';

const run = promisify(execFile);
/** The superuser initdb creates; the socket accepts it without a password (trust), nothing listens on TCP. */
const superuser = 'test';

/** The URL of database `name` in the cluster under `dir`. */
export function clusterUrl(dir: string, name = 'postgres'): string {
  return `postgresql://${superuser}@/${name}?host=${encodeURIComponent(dir)}`;
}

/** Starts the cluster under `dir` unless a test before this one (in any worker) already did. */
export async function ensureCluster(dir: string): Promise<void> {
  const ready = path.join(dir, 'ready');
  if (existsSync(ready)) return;
  const release = await lockfile.lock(dir, { lockfilePath: path.join(dir, 'start.lock'), retries: { retries: 600, minTimeout: 50, maxTimeout: 100 } });
  try {
    if (existsSync(ready)) return;
    const bin = findBinDir();
    const data = path.join(dir, 'data');
    if (asRoot()) await run('chown', ['postgres:', dir]);
    const tool = (name: string, args: string[]) => run(...asClusterOwner(path.join(bin, name), args));
    await tool('initdb', ['-D', data, '-U', superuser, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    // Durability is not under test here (the store's crash tests are the embedded store's), speed is.
    const options = `-c listen_addresses='' -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    await tool('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'server.log'), '-o', options, 'start']);
    await writeFile(ready, '');
  } finally {
    await release();
  }
}

/** Stops the cluster under `dir` if it was started. */
export async function stopCluster(dir: string): Promise<void> {
  if (!existsSync(path.join(dir, 'data', 'postmaster.pid'))) return;
  await run(...asClusterOwner(path.join(findBinDir(), 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']));
}

function asRoot(): boolean {
  return process.getuid?.() === 0;
}

/** initdb and the server refuse to run as root (as CI runs): then they run as Debian's postgres user. */
function asClusterOwner(program: string, args: string[]): [string, string[]] {
  return asRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

/** PG_BINDIR, else the newest /usr/lib/postgresql/<version>/bin (Debian keeps initdb there, off PATH). */
function findBinDir(): string {
  const candidates = process.env.PG_BINDIR ? [process.env.PG_BINDIR] : debianBinDirs();
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'PostgreSQL finns inte: initdb och pg_ctl saknas i /usr/lib/postgresql/<version>/bin. ' +
        'Installera Debians paket: apt-get install -y postgresql (eller sätt PG_BINDIR till katalogen med initdb).',
    );
  }
  return found;
}

function debianBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((version) => /^\d+$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(root, version, 'bin'));
}
