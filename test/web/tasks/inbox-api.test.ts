import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';

async function caseWithBevakning(t: TestApp) {
  const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-beslut/instances', payload: { businessKey: 'KS-7', variables: { beslutsdatum: '2027-01-15' } } });
  await t.call('admin', { method: 'POST', url: '/api/clock', payload: { advance: 'P1M' } });
  const inbox = (await t.call('enhetschef', { method: 'GET', url: '/api/inbox' })).json<{ id: string; instanceId: string }[]>();
  return { instanceId: started.json<{ id: string }>().id, bevakning: inbox[0]! };
}

describe('inbox', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a bevakning is opened, then it shows its case, and marking it read records who read it once', async () => {
    // given
    t = await startTestApp();
    const { instanceId, bevakning } = await caseWithBevakning(t);
    // when
    const detail = await t.call('enhetschef', { method: 'GET', url: `/api/inbox/${bevakning.id}` });
    const read = await t.call('enhetschef', { method: 'POST', url: `/api/inbox/${bevakning.id}/read` });
    await t.call('admin', { method: 'POST', url: `/api/inbox/${bevakning.id}/read` });
    const after = (await t.call('enhetschef', { method: 'GET', url: '/api/inbox' })).json<{ readAt: string | null }[]>();
    const history = (await t.call('revisor', { method: 'GET', url: `/api/instances/${instanceId}/history` })).json<{ type: string; actor: string }[]>();
    // then
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: bevakning.id, instanceId, group: 'enhetschef', readAt: null, instance: { id: instanceId, businessKey: 'KS-7', state: 'running' } });
    expect(read.statusCode).toBe(200);
    expect(after[0]?.readAt).toBe('2027-02-15T08:00:00.000Z');
    expect(history.filter((e) => e.type === 'bevakning.read').map((e) => e.actor)).toEqual(['enhetschef']);
  });

  test('when a bevakning belongs to another group or the caller only audits, then it is not found or forbidden', async () => {
    // given
    t = await startTestApp();
    const { bevakning } = await caseWithBevakning(t);
    // when
    const otherGroup = await t.call('arbetsterapeut', { method: 'GET', url: `/api/inbox/${bevakning.id}` });
    const otherMark = await t.call('arbetsterapeut', { method: 'POST', url: `/api/inbox/${bevakning.id}/read` });
    const auditor = await t.call('revisor', { method: 'POST', url: `/api/inbox/${bevakning.id}/read` });
    const badId = await t.call('enhetschef', { method: 'GET', url: '/api/inbox/inte-ett-id' });
    // then
    expect([otherGroup.statusCode, otherMark.statusCode, auditor.statusCode, badId.statusCode]).toEqual([404, 404, 403, 400]);
  });
});
