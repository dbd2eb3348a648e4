// What only the PostgreSQL store does: its migrations, its one-server lock, and what two stores on one database see.
import { readdir } from 'node:fs/promises';
import { inspect } from 'node:util';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { StaleRevisionError } from '../../src/engine/records/index.js';
import type { Store } from '../../src/store/port.js';
import { migrate, migrationsDir, migrationsTable } from '../../src/store/postgres/migrate.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../postgres/test-database.js';
import { makeDocument } from './store-test-kit.js';

describe('createPostgresStore', () => {
  let database: TestDatabase;
  let created: TestDatabase | undefined;
  const opened: Store[] = [];
  beforeEach(async () => {
    database = created = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await created?.drop();
    created = undefined;
  });

  async function openStore(options: { use?: 'server' | 'alone' } = {}): Promise<Store> {
    const store = createPostgresStore({ databaseUrl: database.url, ...options });
    await store.open();
    opened.push(store);
    return store;
  }

  async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  test('when a store opens an empty database, then every migration file is applied once, and a later start applies none and keeps the rows', async () => {
    // given
    const files = (await readdir(migrationsDir)).filter((name) => name.endsWith('.sql')).map((name) => name.slice(0, -4)).sort();
    const first = await openStore();
    await first.instances.save(makeDocument('case-1', 1), null);
    await first.close();
    // when
    await openStore();
    const pool = new pg.Pool({ connectionString: database.url });
    const appliedAgain = await migrate(pool).finally(() => pool.end());
    // then
    expect(files.length).toBeGreaterThan(0);
    expect((await query<{ name: string }>(`SELECT name FROM ${migrationsTable} ORDER BY run_on, id`)).map((row) => row.name)).toEqual(files);
    expect(appliedAgain).toEqual([]);
    expect(await opened.at(-1)!.instances.load('case-1')).toEqual(makeDocument('case-1', 1));
  });

  test('when two stores open an empty database at the same moment, then both open and each migration is applied once', async () => {
    // given: an empty database
    // when
    await Promise.all([openStore(), openStore()]);
    // then
    const names = (await query<{ name: string }>(`SELECT name FROM ${migrationsTable}`)).map((row) => row.name);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });

  test('when the connection holding the server lock is cut, then the store refuses to write (another server may hold the lock now)', async () => {
    // given
    const store = await openStore();
    // when
    await query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'boendekoordination lock' AND datname = current_database()");
    await expect.poll(() => store.settings.set('manualClock', '2026-01-01T00:00:00.000Z').then(() => 'saved', (error: Error) => error.message), { timeout: 10_000 }).toContain('serverlås');
    // then
    await expect(store.instances.save(makeDocument('case-1', 1), null)).rejects.toThrow('Databasens serverlås har tappats');
    expect(await store.instances.load('case-1')).toBeNull();
  });

  test('when a second store on the same database saves from a rev the first has moved past, then it gets StaleRevisionError and the first one’s document stays', async () => {
    // given: two stores as two servers would hold them
    const one = await openStore();
    const other = await openStore();
    await one.instances.save(makeDocument('case-1', 1), null);
    const readByOther = await other.instances.load('case-1');
    await one.instances.save(makeDocument('case-1', 2), 1);
    // when
    const saving = other.instances.save({ ...makeDocument('case-1', 2), engineState: { by: 'other' } }, readByOther!.summary.rev);
    // then
    await expect(saving).rejects.toBeInstanceOf(StaleRevisionError);
    expect(await other.instances.load('case-1')).toEqual(makeDocument('case-1', 2));
    expect((await other.instances.history('case-1')).map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
  });

  test('when a second server opens a database a server holds, then both are open; a tool that needs it alone is refused until both are closed', async () => {
    // given
    const first = await openStore();
    const second = await openStore();
    // when
    const tool = openStore({ use: 'alone' });
    // then
    await expect(tool).rejects.toThrow('Databasen används redan av en annan server');
    await first.close();
    await expect(openStore({ use: 'alone' })).rejects.toThrow('Databasen används redan av en annan server');
    await second.close();
    const alone = await openStore({ use: 'alone' });
    await expect(openStore()).rejects.toThrow('Databasen används av ett verktyg som måste ha den ensam');
    await alone.close();
  });

  test('when documents hold key orders and strings jsonb would change, then load returns them as saved', async () => {
    // given
    const doc = makeDocument('case-1', 1);
    const engineState = { zeta: 1, alpha: { y: 1, x: 2 }, nul: 'a\u0000b', emoji: 'ö 🏠', big: 1e21, small: 5e-324 };
    const store = await openStore();
    // when
    await store.instances.save({ ...doc, engineState }, null);
    const loaded = await store.instances.load('case-1');
    // then
    expect(JSON.stringify(loaded!.engineState)).toBe(JSON.stringify(engineState));
  });

  test('when the store is not open, then reads and writes are refused', async () => {
    // given
    const store = createPostgresStore({ databaseUrl: database.url });
    // when
    const reading = store.instances.load('case-1');
    const writing = store.settings.set('manualClock', '2026-01-01T00:00:00.000Z');
    // then
    await expect(reading).rejects.toThrow('Lagret är inte öppnat');
    await expect(writing).rejects.toThrow('Lagret är inte öppnat');
  });
});

describe('createPostgresStore on a database that is not there', () => {
  test.each([
    ['names no reachable server', 'postgresql://boende:hemligt@/boende?host=/nonexistent-socket-dir'],
    ['cannot be read as an address', 'postgresql://boende:hemligt@db.kommun.se:99999/boende'],
  ])('when DATABASE_URL %s, then open says so, and nothing of the error as the boot prints it holds the password', async (_, databaseUrl) => {
    // given
    const store = createPostgresStore({ databaseUrl });
    // when
    const opening = store.open();
    // then
    const error = await opening.then(() => null, (e: Error) => e);
    expect(error?.message).toMatch(/^PostgreSQL-databasen kunde inte öppnas \(DATABASE_URL\): /);
    expect(inspect(error, { depth: 10 })).not.toContain('hemligt');
  });
});
