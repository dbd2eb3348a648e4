// The housing register's records on a shared database: appended only by a server whose copy of the register was
// current, so no two servers hand out the same apartment or queue place from copies that each lacked the other's change.
import type pg from 'pg';
import { RegisterChangedError, type RegisterBatch } from '../../housing/index.js';
import { insertRecords, lockJournal } from './journal-rows.js';

export const registerJournal = 'housing';

/**
 * Appends the batch after checking, under the journal's lock, that every record after `basis` is this server's own
 * (which its copy already holds); RegisterChangedError otherwise. Inside the caller's transaction.
 */
export async function appendRegisterRecords(client: pg.PoolClient, batch: RegisterBatch, writer: string, instanceId: string | null): Promise<void> {
  if (!batch.records.length) return;
  await lockJournal(client, registerJournal);
  const { rows } = await client.query<{ changed: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM journal_records WHERE journal = $1 AND seq > $2 AND writer IS DISTINCT FROM $3) AS changed',
    [registerJournal, batch.basis, writer],
  );
  if (rows[0]?.changed) throw new RegisterChangedError(instanceId ?? '(registret)');
  await insertRecords(client, registerJournal, batch.records, writer);
}
