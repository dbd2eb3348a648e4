// HTTP tests of the clock (read by anyone, moved by admin in manual mode only) and of the inbox it fills.
import { afterEach, describe, expect, test } from 'vitest';
import { clockStart, startBeslut, startTestApp, type TestApp } from '../test-app.js';

let t: TestApp;

afterEach(async () => {
  await t?.close();
});

async function clockNow(): Promise<string> {
  return (await t.call('admin', { method: 'GET', url: '/api/clock' })).json().now;
}

describe('GET /api/clock', () => {
  test('when any user asks, then the current time and the mode are answered', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('utforare', { method: 'GET', url: '/api/clock' });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ now: clockStart, mode: 'manual' });
  });
});

describe('POST /api/clock', () => {
  test('when admin advances a manual clock past a timer, then 200 with the new time and the timer has fired', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);

    // when
    const response = await t.call('admin', { method: 'POST', url: '/api/clock', payload: { advance: 'P1M' } });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ now: '2027-02-15T08:00:00.000Z' });
    const inbox = await t.call('enhetschef', { method: 'GET', url: '/api/inbox' });
    expect(inbox.json()).toEqual([
      {
        id: expect.any(String),
        instanceId,
        group: 'enhetschef',
        subject: 'Svar saknas',
        body: 'Beslutet väntar på svar.',
        createdAt: '2027-02-15T08:00:00.000Z',
        readAt: null,
      },
    ]);
  });

  test('when admin sets the clock to a date-time, then that is the new time', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2027-03-01T08:00:00Z' } });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ now: '2027-03-01T08:00:00.000Z' });
    expect(await clockNow()).toBe('2027-03-01T08:00:00.000Z');
  });

  test.each(['processagare', 'enhetschef', 'revisor'])('when %s tries to move it, then 403 and the clock stays', async (user) => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call(user, { method: 'POST', url: '/api/clock', payload: { advance: 'P1D' } });

    // then
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('forbidden');
    expect(await clockNow()).toBe(clockStart);
  });

  test('when nobody is signed in, then 401', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call(null, { method: 'POST', url: '/api/clock', payload: { advance: 'P1D' } });

    // then
    expect(response.statusCode).toBe(401);
  });

  test('when the server runs on the system clock, then 409 clock_not_manual', async () => {
    // given
    t = await startTestApp({ env: { CLOCK: 'system' } });

    // when
    const response = await t.call('admin', { method: 'POST', url: '/api/clock', payload: { advance: 'P1D' } });

    // then
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: 'clock_not_manual', message: expect.any(String) });
    expect((await t.call('admin', { method: 'GET', url: '/api/clock' })).json().mode).toBe('system');
  });

  test.each([
    ['both advance and to', { advance: 'P1D', to: '2027-03-01T08:00:00Z' }, 'body'],
    ['neither', {}, 'body'],
    ['a duration that is not ISO 8601', { advance: '3 månader' }, 'advance'],
    ['a date-time without time zone', { to: '2027-03-01T08:00:00' }, 'to'],
    ['an unknown key', { advance: 'P1D', snabbt: true }, 'snabbt'],
  ])('when the body has %s, then 400 naming the field and the clock stays', async (_situation, payload, field) => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('admin', { method: 'POST', url: '/api/clock', payload });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toContainEqual({ field, message: expect.any(String) });
    expect(await clockNow()).toBe(clockStart);
  });

  test('when admin tries to move it backwards, then it is refused and the clock stays', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2026-01-01T00:00:00Z' } });

    // then
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(await clockNow()).toBe(clockStart);
  });
});

describe('GET /api/inbox', () => {
  test('when a bevakning went to another group, then the caller does not see it', async () => {
    // given
    t = await startTestApp();
    await startBeslut(t);
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { advance: 'P1M' } });

    // when
    const response = await t.call('arbetsterapeut', { method: 'GET', url: '/api/inbox' });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
  });
});
