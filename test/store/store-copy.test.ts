// `store:copy` from a data directory the real app filled (cases through real routines, one finished, one culled by a
// gallring run, the housing register changed, case reads over two months) into PostgreSQL, read back by the app itself.
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { CopyRefusedError } from '../../src/store/copy/copy-errors.js';
import { copyLowdbToPostgres, type CopySummary } from '../../src/store/copy/copy-lowdb-to-postgres.js';
import { countRows } from '../../src/store/postgres/copy-target.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { getPage, signIn } from '../web/page-session.js';
import { createTestDatabase, type TestDatabase } from '../postgres/test-database.js';
import { startTestApp, type TestApp } from '../web/test-app.js';
import { makeDocument, makeTempDir, openTempStore } from './store-test-kit.js';

const processes = ['web-beslut.bpmn', 'web-sol-beslut.bpmn'];

describe('store:copy from lowdb to PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function database(): Promise<TestDatabase> {
    const made = await createTestDatabase();
    cleanups.push(() => made.drop());
    return made;
  }

  /** The app on the embedded store with a culled case, a finished one, an open one, a register change and reads. */
  async function filledApp(): Promise<{ t: TestApp; open: string; finished: string; culled: string }> {
    const t = await startTestApp({ processes });
    cleanups.push(async () => {
      await t.app.close();
      await rm(path.dirname(t.dataDir), { recursive: true, force: true });
    });
    const culled = await startCase(t, 'web-sol-beslut', 'SOL-1', { brukare: 'Anna Andersson' });
    await answer(t, culled, 'nej');
    const finished = await startCase(t, 'web-beslut', 'KS-1', {});
    await answer(t, finished, 'ja');
    const added = await t.call('admin', {
      method: 'POST', url: '/api/housing',
      payload: { apartments: [{ id: 'solrosen-3', unitId: 'solrosen', number: '3', rooms: 1, sizeSqm: 30, rent: 5000, status: 'ledig' }] },
    });
    expect(added.statusCode).toBe(201);
    await t.call('enhetschef', { method: 'GET', url: `/api/instances/${finished}` });
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2032-02-01T08:00:00Z' } });
    const open = await startCase(t, 'web-beslut', 'KS-2', {});
    const run = await t.call('admin', { method: 'POST', url: '/api/gallring', payload: {} });
    expect(run.json()).toMatchObject({ cases: [{ instanceId: culled }] });
    await t.call('enhetschef', { method: 'GET', url: `/api/instances/${open}` });
    return { t, open, finished, culled };
  }

  test('when a stopped server’s data directory is copied, then the app on PostgreSQL reads the cases, histories, tasks, register, clock and access log as before', async () => {
    // given
    const { t, open, finished, culled } = await filledApp();
    const before = await readBack(t, [open, finished, culled]);
    const accessLog = await accessLogOf(t);
    await t.app.close();
    const db = await database();
    const lines: string[] = [];
    // when
    const summary = await copyLowdbToPostgres({ dataDir: t.dataDir, databaseUrl: db.url, report: (line) => lines.push(line) });
    const onPostgres = await startTestApp({ processes, env: { STORE: 'postgres', DATABASE_URL: db.url } });
    cleanups.push(() => onPostgres.close());
    // then
    expect(summary).toMatchObject<Partial<CopySummary>>({ definitions: 2, instances: 3, settings: expect.any(Number) });
    expect(summary.access).toBeGreaterThanOrEqual(2);
    expect([summary.housing, summary.gallring]).toEqual([expect.any(Number), 1]);
    expect(summary.housing).toBeGreaterThan(0);
    expect(lines).toContain('Ärenden: 3 av 3');
    expect(lines.join('\n')).not.toContain('Anna');
    expect(await accessLogOf(onPostgres)).toBe(accessLog);
    expect(await readBack(onPostgres, [open, finished, culled])).toEqual(before);
    expect(before.tasks).toHaveLength(1);
    expect(accessLog.trim().split('\n')).toHaveLength(1 + summary.access);
  });

  test('when the data directory’s server is running, then the copy is refused and nothing reaches the database', async () => {
    // given
    const { t } = await filledApp();
    const db = await database();
    // when
    const copied = copyLowdbToPostgres({ dataDir: t.dataDir, databaseUrl: db.url, report: () => undefined });
    // then
    await expect(copied).rejects.toThrow(CopyRefusedError);
    await expect(copied).rejects.toThrow(/Datakatalogen används redan av en annan process.*\n.*Stoppa servern/);
    expect(await tablesIn(db.url)).toEqual([]);
  });

  test('when the directory is missing or is not a data directory, then the copy is refused and nothing is made in it', async () => {
    // given
    const { dir, cleanup } = await makeTempDir();
    cleanups.push(cleanup);
    await writeFile(path.join(dir, 'anteckning.txt'), 'inte en datakatalog');
    // when
    const missing = copyLowdbToPostgres({ dataDir: path.join(dir, 'finns-inte'), databaseUrl: 'postgres://ingen/db', report: () => undefined });
    const notStore = copyLowdbToPostgres({ dataDir: dir, databaseUrl: 'postgres://ingen/db', report: () => undefined });
    // then
    await expect(missing).rejects.toThrow(/^Datakatalogen finns inte: .*finns-inte\. Ingenting har kopierats\.$/);
    await expect(notStore).rejects.toThrow(CopyRefusedError);
    await expect(notStore).rejects.toThrow('är ingen datakatalog (varken definitions/ eller instances/ finns)');
    expect(await readdir(dir)).toEqual(['anteckning.txt']);
  });

  test('when a server is using the database, then the copy is refused and the database stays empty', async () => {
    // given
    const source = await openTempStore();
    cleanups.push(() => source.cleanup());
    await source.store.instances.save(makeDocument('case-a', 1), null);
    await source.store.close();
    const db = await database();
    const server = createPostgresStore({ databaseUrl: db.url });
    await server.open();
    cleanups.push(() => server.close());
    // when
    const copied = copyLowdbToPostgres({ dataDir: source.dir, databaseUrl: db.url, report: () => undefined });
    // then
    await expect(copied).rejects.toThrow(CopyRefusedError);
    await expect(copied).rejects.toThrow(/^Databasen används redan av en annan server.*\nIngenting har kopierats\.$/);
    expect((await countsIn(db.url)).instances).toBe(0);
  });

  test('when the database already holds data, then the copy is refused and the database is left as it was', async () => {
    // given
    const { t } = await filledApp();
    await t.app.close();
    const db = await database();
    await copyLowdbToPostgres({ dataDir: t.dataDir, databaseUrl: db.url, report: () => undefined });
    const counts = await countsIn(db.url);
    // when
    const again = copyLowdbToPostgres({ dataDir: t.dataDir, databaseUrl: db.url, report: () => undefined });
    // then
    await expect(again).rejects.toThrow(CopyRefusedError);
    await expect(again).rejects.toThrow(/Databasen är inte tom \(3 ärenden, .*\)\. Ingenting har kopierats/);
    expect(await countsIn(db.url)).toEqual(counts);
  });
});

async function startCase(t: TestApp, key: string, businessKey: string, variables: Record<string, unknown>): Promise<string> {
  const started = await t.call('lss-handlaggare', { method: 'POST', url: `/api/processes/${key}/instances`, payload: { businessKey, variables: { beslutsdatum: '2027-01-10', ...variables } } });
  expect(started.statusCode).toBe(201);
  return started.json<{ id: string }>().id;
}

async function answer(t: TestApp, instanceId: string, svar: string): Promise<void> {
  const [task] = (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json<{ id: string }[]>();
  const done = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${task!.id}/complete`, payload: { variables: { svar } } });
  expect(done.statusCode).toBe(200);
}

async function get(t: TestApp, user: string, url: string): Promise<string> {
  const response = await t.call(user, { method: 'GET', url });
  expect(response.statusCode, url).toBe(200);
  return response.body;
}

/** What the app shows of the cases, their tasks, the register and the clock (reading a case adds to the access log). */
async function readBack(t: TestApp, ids: string[]) {
  const instances = [];
  for (const id of ids) instances.push([await get(t, 'admin', `/api/instances/${id}`), await get(t, 'revisor', `/api/instances/${id}/history`)]);
  return {
    instances,
    tasks: JSON.parse(await get(t, 'enhetschef', '/api/tasks')) as unknown[],
    apartments: await get(t, 'admin', '/api/housing/apartments'),
    clock: await get(t, 'admin', '/api/clock'),
  };
}

/** The auditor's access log as CSV, every read of every case. */
async function accessLogOf(t: TestApp): Promise<string> {
  const page = await getPage(t, await signIn(t, 'revisor'), '/audit/access-log?format=csv');
  expect(page.statusCode).toBe(200);
  return page.body;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function tablesIn(url: string): Promise<string[]> {
  return withClient(url, async (client) => (await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.name));
}

function countsIn(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return countRows(pool).finally(() => pool.end());
}
