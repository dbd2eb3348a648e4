// A fresh runtime per test: its own data and processes directories, the manual clock, and the default handlers.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuntime, type RuntimeApi } from '../../src/runtime/index.js';
import type { Actor } from '../../src/auth/actor.js';
import { isRole, roleNames } from '../../src/auth/index.js';
import { defaultHandlers } from '../../src/handlers/index.js';
import type { HandlerLogger, ServiceHandler } from '../../src/handlers/handler.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import type { Store } from '../../src/store/port.js';
import type { HousingSeed } from '../../src/housing/housing-seed.js';
import { loadIvoConfig } from '../../src/reports/ivo-config.js';
import { loadGallringConfig } from '../../src/gallring/gallring-config.js';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'processes');
export const silentLogger = { info() {}, warn() {}, error() {} };
const ivoConfig = loadIvoConfig(path.join(fixturesDir, '..', '..', '..', 'config', 'ivo.json'));
const gallringConfig = loadGallringConfig(path.join(fixturesDir, '..', '..', '..', 'config', 'gallring.json'));

export const actors = {
  admin: { username: 'admin', roles: ['admin'] },
  enhetschef: { username: 'enhetschef', roles: ['enhetschef'] },
  enhetschef2: { username: 'enhetschef2', roles: ['enhetschef'] },
  handlaggare: { username: 'lss-handlaggare', roles: ['lss-handlaggare'] },
  revisor: { username: 'revisor', roles: ['revisor'] },
} satisfies Record<string, Actor>;

export interface Harness {
  runtime: RuntimeApi;
  dataDir: string;
  processesDir: string;
  /** Closes the runtime and opens a new one on the same directories: a restart; `whileDown` runs in between. */
  restart(whileDown?: () => Promise<void>): Promise<RuntimeApi>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Fixture files (relative to test/fixtures/processes) or [file name, xml] pairs. */
  processes: (string | [string, string])[];
  start?: string;
  handlers?: ServiceHandler<any>[];
  /** Units and apartments in the register before anything runs. */
  housing?: HousingSeed;
  /** Hydrated engines kept between transitions; 0 makes every step recover from the store. */
  engineCacheSize?: number;
  /** Where the runtime's log goes (default: nowhere). */
  logger?: HandlerLogger;
  /** Changes the store the runtime is given (to make it fail on purpose); each start gets a fresh one. */
  wrapStore?: (store: Store) => Store;
  /** Another store than the embedded one in the harness's data directory (PostgreSQL); each start gets a fresh one. */
  createStore?: () => Store;
}

/** The demo set of users, one per role named after it (what DEMO=1 signs in), for forms' user fields. */
const roleUsers = {
  withRole: (role: string) => (isRole(role) ? [{ username: role, name: `${roleNames[role]} (demo)` }] : []),
};

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const root = await mkdtemp(path.join(tmpdir(), 'bk-runtime-'));
  const dataDir = path.join(root, 'data');
  const processesDir = path.join(root, 'processes');
  await mkdir(processesDir, { recursive: true });
  for (const p of options.processes) {
    if (typeof p === 'string') await copyFile(path.join(fixturesDir, p), path.join(processesDir, path.basename(p)));
    else await writeFile(path.join(processesDir, p[0]), p[1]);
  }
  const ivo = await ivoConfig;
  const gallring = await gallringConfig;
  const open = () =>
    createRuntime({
      store: (options.wrapStore ?? ((store) => store))(options.createStore?.() ?? createLowdbStore(dataDir)),
      clockMode: 'manual',
      processesDir,
      handlers: options.handlers ?? defaultHandlers,
      logger: options.logger ?? silentLogger,
      manualClockStart: new Date(options.start ?? '2027-01-15T08:00:00Z'),
      ivoConfig: ivo,
      gallringConfig: gallring,
      users: roleUsers,
      ...(options.engineCacheSize !== undefined ? { engineCacheSize: options.engineCacheSize } : {}),
    });
  const first = await open();
  if (options.housing) await first.seedHousing(options.housing);
  const harness: Harness = {
    runtime: first,
    dataDir,
    processesDir,
    async restart(whileDown) {
      await harness.runtime.close();
      await whileDown?.();
      harness.runtime = await open();
      return harness.runtime;
    },
    async close() {
      await harness.runtime.close().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
  return harness;
}
