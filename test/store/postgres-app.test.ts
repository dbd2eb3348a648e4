// The whole app on STORE=postgres: a case started and stepped through the API, the clock and the demo register kept,
// all read back from the database after a restart (the data directory then holds no case).
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../postgres/test-database.js';
import { startTestApp, type TestApp } from '../web/test-app.js';

describe('the app on PostgreSQL', () => {
  let t: TestApp | undefined;
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await t?.close();
    await database?.drop();
  });

  test('when a case is started and answered, then after a restart the case, its history, the clock and the register come back from the database', async () => {
    // given
    database = await createTestDatabase();
    t = await startTestApp({ env: { STORE: 'postgres', DATABASE_URL: database.url } });
    const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-beslut/instances', payload: { businessKey: 'KS-7', variables: { beslutsdatum: '2027-01-15' } } });
    const id = started.json<{ id: string }>().id;
    const [task] = (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${id}` })).json<{ id: string }[]>();
    const answered = await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${task!.id}/complete`, payload: { variables: { svar: 'ja' } } });
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { advance: 'P1D' } });
    const before = await readBack(t, id);
    // when
    await t.restart();
    // then
    expect([started.statusCode, answered.statusCode]).toEqual([201, 200]);
    expect(await readBack(t, id)).toEqual(before);
    expect(before.instance).toMatchObject({ id, businessKey: 'KS-7', state: 'completed', variables: { svar: 'ja' } });
    expect(before.history).toContain('task.completed');
    expect(before.apartments).toBeGreaterThan(0);
    expect(await readdir(t.dataDir)).not.toContain('instances');
  });
});

async function readBack(t: TestApp, id: string) {
  const instance = (await t.call('admin', { method: 'GET', url: `/api/instances/${id}` })).json<Record<string, unknown>>();
  const history = (await t.call('revisor', { method: 'GET', url: `/api/instances/${id}/history` })).json<{ type: string }[]>();
  const clock = (await t.call('admin', { method: 'GET', url: '/api/clock' })).json<unknown>();
  const apartments = (await t.call('admin', { method: 'GET', url: '/api/housing/apartments' })).json<unknown[]>();
  return { instance, history: history.map((entry) => entry.type), clock, apartments: apartments.length };
}
