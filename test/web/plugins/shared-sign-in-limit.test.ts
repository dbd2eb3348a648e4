// Two servers on one PostgreSQL database count failed sign-ins together: ten wrong passwords for a name from one
// address, spread over both, and the name is refused on both; not ten per server.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../postgres/test-database.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { basic } from '../basic-auth.js';

describe('the sign-in limit on several servers', () => {
  const apps: TestApp[] = [];
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await database?.drop();
  });

  test('when a name gets ten wrong passwords spread over two servers, then both refuse it with 429, and a colleague still gets in', async () => {
    // given
    database = await createTestDatabase();
    const env = { STORE: 'postgres', DATABASE_URL: database.url, SESSION_KEY: 'c'.repeat(64) };
    apps.push(await startTestApp({ env }));
    apps.push(await startTestApp({ env }));
    const [a, b] = apps as [TestApp, TestApp];
    const call = (t: TestApp, authorization: string) => t.app.inject({ method: 'GET', url: '/api/processes', headers: { authorization } });
    const wrong: number[] = [];
    // when
    for (let i = 0; i < 10; i++) wrong.push((await call(i % 2 ? a : b, basic('admin', `gissning${i}`))).statusCode);
    const onA = await call(a, basic('admin'));
    const onB = await call(b, basic('admin'));
    const colleague = await call(a, basic('enhetschef'));
    // then
    expect(wrong).toEqual(Array(10).fill(401));
    expect([onA.statusCode, onB.statusCode]).toEqual([429, 429]);
    expect(colleague.statusCode).toBe(200);
  });
});
