// Picks the store adapter the configuration names: the embedded lowdb store (the default) or PostgreSQL.
import { createLowdbStore } from './lowdb-store.js';
import type { Store } from './port.js';
import { createPostgresStore } from './postgres/postgres-store.js';

/** STORE and DATABASE_URL as config.ts reads them. */
export type StoreChoice = { kind: 'lowdb' } | { kind: 'postgres'; databaseUrl: string };

/** The store for `choice`; `dataDir` is the embedded store's home (PostgreSQL keeps nothing there). */
export function createStore(choice: StoreChoice, dataDir: string): Store {
  return choice.kind === 'postgres' ? createPostgresStore({ databaseUrl: choice.databaseUrl }) : createLowdbStore(dataDir);
}
