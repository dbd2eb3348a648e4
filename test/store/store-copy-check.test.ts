// store:copy's check finds what the database did not keep as given: a trigger on the target changes or drops one
// history entry while the copy writes, and the copy must stop with the case's id and the counts, not the values.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { CopyMismatchError } from '../../src/store/copy/copy-errors.js';
import { copyLowdbToPostgres } from '../../src/store/copy/copy-lowdb-to-postgres.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase } from '../postgres/test-database.js';
import { makeDocument, openTempStore } from './store-test-kit.js';

describe('store:copy check', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  test.each([
    ['changes an entry', `NEW.entry := '{"seq":3,"type":"ändrad"}'; RETURN NEW;`, /^Ärendet case-a: historiken skiljer sig från post 3 \(4 mot 4 poster\)\.\nDatabasen innehåller nu en ofullständig kopia/],
    ['drops an entry', 'RETURN NULL;', /^Ärendet case-a: 4 historikposter i datakatalogen men 3 i databasen\.\nDatabasen innehåller nu en ofullständig kopia/],
  ])('when the database %s of a case’s history, then the copy stops with the case’s id and the counts', async (_, onSeq3, message) => {
    // given: two cases in the data directory, and a database (migrated, still empty) that alters case-a's third entry
    const source = await openTempStore();
    cleanups.push(() => source.cleanup());
    await source.store.instances.save(makeDocument('case-a', 1), null);
    await source.store.instances.save(makeDocument('case-a', 2), 1);
    await source.store.instances.save(makeDocument('case-b', 1), null);
    await source.store.close();
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const migrated = createPostgresStore({ databaseUrl: database.url });
    await migrated.open();
    await migrated.close();
    await sql(database.url, `CREATE FUNCTION alter_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.instance_id = 'case-a' AND NEW.seq = 3 THEN ${onSeq3} END IF; RETURN NEW; END $$;
      CREATE TRIGGER alter_history BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION alter_history();`);
    // when
    const copied = copyLowdbToPostgres({ dataDir: source.dir, databaseUrl: database.url, report: () => undefined });
    // then
    await expect(copied).rejects.toThrow(CopyMismatchError);
    await expect(copied).rejects.toThrow(message);
    await expect(copied).rejects.not.toThrow(/ändrad|Steg|handl1/);
  });

  test('when a diagram has a byte-order mark, CRLF line ends and å, then its source arrives byte for byte; when its file is not UTF-8, then the copy stops naming the version', async () => {
    // given
    const source = await openTempStore();
    cleanups.push(() => source.cleanup());
    const version = (key: string) => ({ key, version: 1, name: 'Prov', hash: 'h', deployedAt: '2027-01-01T00:00:00.000Z', deployedBy: 'admin' });
    const text = '\uFEFF<?xml version="1.0"?>\r\n<definitions name="Särskilt boende"/>\r\n';
    await source.store.definitions.add(version('prov'), text);
    await source.store.close();
    const [good, bad] = [await createTestDatabase(), await createTestDatabase()];
    cleanups.push(() => good.drop(), () => bad.drop());
    // when
    const copied = await copyLowdbToPostgres({ dataDir: source.dir, databaseUrl: good.url, report: () => undefined });
    const target = createPostgresStore({ databaseUrl: good.url });
    await target.open();
    const stored = await target.definitions.getSource('prov', 1).finally(() => target.close());
    await writeFile(path.join(source.dir, 'definitions', 'prov', 'v1.bpmn'), Buffer.from('<definitions name="S\xe4rskilt"/>', 'latin1'));
    const latin1 = copyLowdbToPostgres({ dataDir: source.dir, databaseUrl: bad.url, report: () => undefined });
    // then
    expect(copied.definitions).toBe(1);
    expect(Buffer.from(stored, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
    await expect(latin1).rejects.toThrow(CopyMismatchError);
    await expect(latin1).rejects.toThrow(/^Processen prov version 1: källan skiljer sig byte för byte\./);
  });
});

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
