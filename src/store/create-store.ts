// Picks the store adapter the configuration names: the embedded lowdb store (the default) or PostgreSQL.
import { createLowdbStore } from './lowdb-store.js';
import type { Store } from './port.js';

/** STORE and DATABASE_URL as config.ts reads them. */
export type StoreChoice = { kind: 'lowdb' } | { kind: 'postgres'; databaseUrl: string };

/**
 * The store for `choice`; `dataDir` is the embedded store's home (PostgreSQL keeps nothing there). The PostgreSQL
 * adapter is loaded only when chosen: pg and the migration tool would add their load time to every embedded start.
 */
export async function createStore(choice: StoreChoice, dataDir: string): Promise<Store> {
  if (choice.kind === 'lowdb') return createLowdbStore(dataDir);
  const { createPostgresStore } = await import('./postgres/postgres-store.js');
  return createPostgresStore({ databaseUrl: choice.databaseUrl });
}
