// Fills a fresh store with running instances of the bench process, straight through the runtime.
import { createRuntime } from '../src/runtime/index.js';
import { defaultHandlers } from '../src/handlers/index.js';
import { createStore } from '../src/store/create-store.js';
import { loadIvoConfig } from '../src/reports/ivo-config.js';
import type { FreshStore } from './bench-stores.js';

const silent = { info() {}, warn() {}, error() {} };

export async function populate(store: FreshStore, processesDir: string, count: number, onProgress: (done: number) => void): Promise<void> {
  const ivoConfig = await loadIvoConfig('config/ivo.json');
  const runtime = await createRuntime({
    store: await createStore(store.choice, store.dataDir),
    clockMode: 'system',
    processesDir,
    handlers: defaultHandlers,
    logger: silent,
    ivoConfig,
  });
  const actor = { username: 'admin', roles: ['admin'] };
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = ++next;
      await runtime.startInstance('bench-tva-steg', { variables: {} }, actor);
      if (n % 1000 === 0) onProgress(n);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await runtime.close();
}
