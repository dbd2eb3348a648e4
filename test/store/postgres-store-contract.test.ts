// The store contract against the PostgreSQL adapter: a fresh database in the test cluster, reopened by a new
// createPostgresStore on it.
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase } from '../postgres/test-database.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('createPostgresStore', async () => {
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
});
