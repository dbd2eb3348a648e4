// The store contract against the lowdb adapter: a temp data directory, reopened by a new createLowdbStore on it.
import { describeStoreContract } from './store-contract.js';
import { openTempStore } from './store-test-kit.js';

describeStoreContract('createLowdbStore', openTempStore);
