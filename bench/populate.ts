// Fills a data directory with running instances of the bench process, straight through the runtime.
import { createRuntime } from '../src/runtime/index.js';
import { defaultHandlers } from '../src/handlers/index.js';
import { createLowdbStore } from '../src/store/lowdb-store.js';
import { loadIvoConfig } from '../src/reports/ivo-config.js';

const silent = { info() {}, warn() {}, error() {} };

export async function populate(dataDir: string, processesDir: string, count: number, onProgress: (done: number) => void): Promise<void> {
  const ivoConfig = await loadIvoConfig('config/ivo.json');
  const runtime = await createRuntime({ store: createLowdbStore(dataDir), clockMode: 'system', processesDir, handlers: defaultHandlers, logger: silent, ivoConfig });
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
