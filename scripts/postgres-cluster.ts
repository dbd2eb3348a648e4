// A throwaway PostgreSQL cluster, shared by the tests and `npm run bench`: initdb in a temp directory, reached only
// through a unix socket there, started on first use and stopped at the end. Debian's `postgresql` package provides it.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import lockfile from 'proper-lockfile';

const run = promisify(execFile);
/** The superuser initdb creates; the socket accepts it without a password (trust), nothing listens on TCP. */
const superuser = 'test';

export interface ClusterOptions {
  /**
   * true: fsync, synchronous commit and full-page writes on, as a production server runs (the bench); false: all
   * three off, since the tests check behaviour, not durability (the store's crash tests are the embedded store's).
   */
  durable: boolean;
}

/** The URL of database `name` in the cluster under `dir`. */
export function clusterUrl(dir: string, name = 'postgres'): string {
  return `postgresql://${superuser}@/${name}?host=${encodeURIComponent(dir)}`;
}

/** Starts the cluster under `dir` unless a caller before this one (in any process) already did. */
export async function ensureCluster(dir: string, options: ClusterOptions): Promise<void> {
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
    const durability = options.durable
      ? '-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c track_wal_io_timing=on'
      : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    const settings = `-c listen_addresses='' -k ${dir} ${durability} -c max_connections=200`;
    await tool('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'server.log'), '-o', settings, 'start']);
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

/** Runs one statement as the superuser on the cluster's `postgres` database (CREATE/DROP DATABASE, statistics). */
export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(dir: string, sql: string, database = 'postgres'): Promise<T[]> {
  const client = new pg.Client({ connectionString: clusterUrl(dir, database) });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
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
