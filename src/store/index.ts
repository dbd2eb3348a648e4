// The storage port and its embedded adapter; app.ts picks the adapter, the runtime uses the port.
export { createLowdbStore } from './lowdb-store.js';
export type { JournalRepository, SettingsRepository, Store } from './port.js';
