// GET /api/decisions and POST /api/decisions/:id/events as API.md says: the contract's fields, 201, 400 and 409.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';

let t: TestApp;

beforeEach(async () => {
  t = await startTestApp({ processes: ['web-lss-beslut.bpmn'] });
});

afterEach(async () => {
  await t.close();
});

/** Starts an LSS decision of 2027-01-10 (the clock stands at 2027-01-15) and answers its id. */
async function startDecision(): Promise<string> {
  const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-lss-beslut/instances', payload: { businessKey: 'D-1', variables: { beslutsdatum: '2027-01-10' } } });
  expect(started.statusCode).toBe(201);
  const decisions = (await t.call('ivo-rapportor', { method: 'GET', url: '/api/decisions' })).json();
  return decisions[0].id;
}

describe('/api/decisions', () => {
  test('when a case with a decision starts, then the list shows exactly the contract fields', async () => {
    // given
    await startDecision();
    // when
    const listed = await t.call('revisor', { method: 'GET', url: '/api/decisions?law=LSS&status=ej-verkstallt' });
    // then
    expect(listed.statusCode).toBe(200);
    expect(Object.keys(listed.json()[0]).sort()).toEqual(['beslutsdatum', 'events', 'id', 'insats', 'instanceId', 'kon', 'law', 'person', 'processKey', 'status', 'verkstalltDatum']);
    expect(listed.json()[0]).toMatchObject({ processKey: 'web-lss-beslut', law: 'LSS', beslutsdatum: '2027-01-10', status: 'ej-verkstallt', insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS' });
  });

  test('when a reason for delay is recorded, then 201 with the event, who recorded it and when', async () => {
    // given
    const id = await startDecision();
    // when
    const recorded = await t.call('lss-handlaggare', { method: 'POST', url: `/api/decisions/${id}/events`, payload: { type: 'drojsmal', date: '2027-01-14', reason: 'Ingen ledig lägenhet med rätt profil.' } });
    // then
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().events).toEqual([{ type: 'drojsmal', date: '2027-01-14', reason: 'Ingen ledig lägenhet med rätt profil.', actor: 'lss-handlaggare', at: '2027-01-15T08:00:00.000Z' }]);
    expect(recorded.json().status).toBe('ej-verkstallt');
  });

  test.each([
    ['an unknown type', { type: 'verkstallt', date: '2027-01-14' }, 'type'],
    ['a day that does not exist', { type: 'avslutat', date: '2027-02-30', reason: 'Avliden.' }, 'date'],
    ['a delay without its reason', { type: 'drojsmal', date: '2027-01-14' }, 'reason'],
    ['a field the contract does not name', { type: 'avslutat', date: '2027-01-14', reason: 'Avliden.', status: 'avslutat' }, 'status'],
  ])('when the body has %s, then 400 names the field and nothing is recorded', async (_case, payload, field) => {
    // given
    const id = await startDecision();
    // when
    const refused = await t.call('lss-handlaggare', { method: 'POST', url: `/api/decisions/${id}/events`, payload });
    // then
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    expect((await t.call('admin', { method: 'GET', url: '/api/decisions' })).json()[0].events).toEqual([]);
  });

  test('when a resumption is recorded on a decision never interrupted, then 409 and nothing is recorded', async () => {
    // given
    const id = await startDecision();
    // when
    const refused = await t.call('enhetschef', { method: 'POST', url: `/api/decisions/${id}/events`, payload: { type: 'aterupptagen', date: '2027-01-14' } });
    // then
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('conflict');
    expect((await t.call('admin', { method: 'GET', url: '/api/decisions' })).json()[0].events).toEqual([]);
  });

  test('when the decision does not exist, then 404', async () => {
    // given no case at all
    // when
    const missing = await t.call('enhetschef', { method: 'POST', url: '/api/decisions/finns-inte/events', payload: { type: 'avslutat', date: '2027-01-14', reason: 'Avliden.' } });
    // then
    expect(missing.statusCode).toBe(404);
  });
});
