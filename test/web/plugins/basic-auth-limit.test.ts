// HTTP Basic has the sign-in form's limit: ten wrong passwords for a name from one address in fifteen minutes, then
// that name is refused from there (even with the right password) before any slow check, while others still get in.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { basic } from '../basic-auth.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

const call = (authorization: string) => t.app.inject({ method: 'GET', url: '/api/processes', headers: { authorization } });

describe('the HTTP Basic sign-in limit', () => {
  test('when a name gets ten wrong passwords, then it is refused with 429 in Swedish, however it is written, and a colleague still gets in', async () => {
    // given
    const wrong: number[] = [];
    for (let i = 0; i < 10; i++) wrong.push((await call(basic('admin', `gissning${i}`))).statusCode);
    // when
    const right = await call(basic('admin'));
    const spaced = await call(basic(' Admin ', 'fel'));
    const colleague = await call(basic('enhetschef'));
    // then
    expect(wrong).toEqual(Array(10).fill(401));
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/^För många misslyckade inloggningar\. Försök igen om \d+ minuter\.$/) });
    expect(spaced.statusCode).toBe(429);
    expect(colleague.statusCode).toBe(200);
  });
});
