// The store contract against the lowdb adapter: a temp data directory, reopened by a new createLowdbStore on it.
import { describeAuditContract } from './store-contract-audit.js';
import { describeStoreContract } from './store-contract.js';
import { openTempStore } from './store-test-kit.js';

describeStoreContract('createLowdbStore', openTempStore);
describeAuditContract('createLowdbStore', openTempStore);
