// The storage port and its adapters; app.ts picks the adapter (createStore), the runtime uses the port.
export { createStore, type StoreChoice } from './create-store.js';
export { createLowdbStore } from './lowdb-store.js';
export type { ChangeCursor, JournalRepository, SettingsRepository, SharedStore, Store, StoreChanges } from './port.js';
