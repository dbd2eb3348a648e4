// The store contract against the PostgreSQL adapter: a fresh database in the test cluster, reopened by a new
// createPostgresStore on it.
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase } from '../postgres/test-database.js';
import type { OpenedStore } from './store-contract.js';
import { describeAuditContract } from './store-contract-audit.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('createPostgresStore', openTestStore);
describeAuditContract('createPostgresStore', openTestStore);

async function openTestStore(): Promise<OpenedStore> {
  const database = await createTestDatabase();
  const store = createPostgresStore({ databaseUrl: database.url });
  await store.open();
  return {
    store,
    async reopen() {
      const reopened = createPostgresStore({ databaseUrl: database.url });
      await reopened.open();
      return reopened;
    },
    cleanup: () => database.drop(),
  };
}
