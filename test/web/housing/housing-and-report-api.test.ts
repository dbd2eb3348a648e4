import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';

describe('housing register and IVO report over HTTP', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when any signed-in user reads the register, then units carry their apartment counts and filters narrow the lists', async () => {
    // given
    t = await startTestApp();
    // when
    const units = await t.call('arbetsterapeut', { method: 'GET', url: '/api/housing/units' });
    const vacant = await t.call('arbetsterapeut', { method: 'GET', url: '/api/housing/apartments?status=ledig&unitId=lindgarden' });
    const bad = await t.call('arbetsterapeut', { method: 'GET', url: '/api/housing/apartments?status=trasig' });
    const anonymous = await t.call(null, { method: 'GET', url: '/api/housing/units' });
    // then
    expect(units.statusCode).toBe(200);
    expect(units.json()).toContainEqual(expect.objectContaining({ id: 'solrosen', law: 'LSS', apartments: 2, ledig: 1, uthyrd: 1 }));
    expect(vacant.json()).toEqual([expect.objectContaining({ id: 'lindgarden-12', readyDate: '2026-11-30', renovationNote: 'Nytt golv i badrummet' })]);
    expect(bad.statusCode).toBe(400);
    expect(anonymous.statusCode).toBe(401);
  });

  test('when the IVO report is asked for, then only its roles get it, as JSON or CSV, and a bad quarter is a 400', async () => {
    // given
    t = await startTestApp();
    // when
    const json = await t.call('ivo-rapportor', { method: 'GET', url: '/api/reports/ivo?quarter=2027Q1' });
    const csv = await t.call('revisor', { method: 'GET', url: '/api/reports/ivo?quarter=2027Q1', headers: { accept: 'text/csv' } });
    const forbidden = await t.call('enhetschef', { method: 'GET', url: '/api/reports/ivo?quarter=2027Q1' });
    const badQuarter = await t.call('admin', { method: 'GET', url: '/api/reports/ivo?quarter=2027-1' });
    // then
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual({ quarter: '2027Q1', period: { from: '2027-01-01', to: '2027-03-31' }, reportingWindow: { from: '2027-04-01', to: '2027-04-30' }, rows: [] });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('ivo-ej-verkstallda-2027Q1.csv');
    expect(csv.body).toMatch(/^\ufeffRapporttyp;/);
    expect(forbidden.statusCode).toBe(403);
    expect(badQuarter.statusCode).toBe(400);
    expect(badQuarter.json()).toMatchObject({ error: 'bad_request', message: expect.stringContaining('2027Q1') });
  });
});

describe('entering units and apartments', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when the boendesamordnare enters a unit with an apartment, then it is in the register; a taken id or an unknown unit changes nothing', async () => {
    // given
    t = await startTestApp();
    const unit = { id: 'tallen', name: 'Gruppbostad Tallen', law: 'LSS', profile: 'Gruppbostad' };
    const apartment = { id: 'tallen-1', unitId: 'tallen', number: '1', rooms: 2, sizeSqm: 40, rent: 6000, status: 'ledig' };
    // when
    const created = await t.call('boendesamordnare', { method: 'POST', url: '/api/housing', payload: { units: [unit], apartments: [apartment] } });
    const again = await t.call('admin', { method: 'POST', url: '/api/housing', payload: { apartments: [{ ...apartment }] } });
    const orphan = await t.call('admin', { method: 'POST', url: '/api/housing', payload: { apartments: [{ ...apartment, id: 'x-1', unitId: 'okand' }] } });
    const forbidden = await t.call('enhetschef', { method: 'POST', url: '/api/housing', payload: { units: [{ ...unit, id: 'annan' }] } });
    const apartments = (await t.call('enhetschef', { method: 'GET', url: '/api/housing/apartments?unitId=tallen' })).json();
    // then
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ units: 1, apartments: 1 });
    expect([again.statusCode, orphan.statusCode, forbidden.statusCode]).toEqual([409, 400, 403]);
    expect(apartments).toEqual([expect.objectContaining({ id: 'tallen-1', status: 'ledig' })]);
  });
});
