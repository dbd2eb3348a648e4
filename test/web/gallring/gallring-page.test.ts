// The admin's gallring page and POST /api/gallring: the preview comes first, the run culls exactly what was shown.
import { afterEach, describe, expect, test } from 'vitest';
import { following, getPage, postForm, signIn } from '../page-session.js';
import { startTestApp, type TestApp } from '../test-app.js';

/** An SoL decision for Anna, answered no by the enhetschef: the case ends at once. */
async function endedSolCase(t: TestApp, businessKey: string): Promise<string> {
  const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-sol-beslut/instances', payload: { businessKey, variables: { beslutsdatum: '2027-01-10', brukare: 'Anna Andersson' } } });
  const instanceId: string = started.json().id;
  const [task] = (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json();
  await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: { variables: { svar: 'nej' } } });
  return instanceId;
}

describe('gallring page and API', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when the admin previews, then the case due is listed; without the confirmation nothing is culled; with it the case keeps only its stub', async () => {
    // given: a case that ended five years ago
    t = await startTestApp({ processes: ['web-sol-beslut.bpmn'] });
    const instanceId = await endedSolCase(t, 'SOL-1');
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2032-02-01T08:00:00Z' } });
    const admin = await signIn(t, 'admin');
    // when
    const preview = await t.call('admin', { method: 'POST', url: '/api/gallring', payload: { dryRun: true } });
    const page = await getPage(t, admin, '/gallring');
    const unconfirmed = await postForm(t, admin, '/gallring', { case: instanceId });
    const stillThere = await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}` });
    const run = await postForm(t, admin, '/gallring', { case: instanceId, confirm: 'ja' });
    const after = await getPage(t, following(admin, run), '/gallring');
    const casePage = await getPage(t, admin, `/cases/${instanceId}`);
    // then
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ cases: [{ instanceId, processKey: 'web-sol-beslut', endedAt: '2027-01-15T08:00:00.000Z', rule: 'sol-personakt' }] });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ett ärende att gallra');
    expect(page.body).toContain('SOL-1');
    expect(page.body).toContain('SoL: personakt gallras fem år efter sista anteckningen');
    expect(page.body).toContain('31 december 2033');
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Kryssa i att du har granskat listan');
    expect(stillThere.json().variables.brukare).toBe('Anna Andersson');
    expect(run.statusCode).toBe(303);
    expect(after.body).toContain('Ett ärende gallrades.');
    expect(after.body).toContain('Inga ärenden att gallra');
    expect(casePage.body).toContain('Ärendet gallrades');
    expect(casePage.body).not.toContain('Anna');
  });

  test('when a case falls due after the preview, then the run culls only the cases the preview showed', async () => {
    // given
    t = await startTestApp({ processes: ['web-sol-beslut.bpmn'] });
    const shown = await endedSolCase(t, 'SOL-1');
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2027-06-01T08:00:00Z' } });
    const later = await endedSolCase(t, 'SOL-2');
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2032-03-01T08:00:00Z' } });
    const admin = await signIn(t, 'admin');
    // when: the page was shown while only SOL-1 was due; by the time it is sent SOL-2 is due too
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2032-06-02T08:00:00Z' } });
    await postForm(t, admin, '/gallring', { case: shown, confirm: 'ja' });
    // then
    const left = await t.call('admin', { method: 'POST', url: '/api/gallring', payload: { dryRun: true } });
    expect(left.json().cases.map((c: { instanceId: string }) => c.instanceId)).toEqual([later]);
  });

  test('when the body is not as the contract says, then 400 and nothing is culled', async () => {
    t = await startTestApp({ processes: ['web-sol-beslut.bpmn'] });
    await endedSolCase(t, 'SOL-1');
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2032-02-01T08:00:00Z' } });
    const bad = await t.call('admin', { method: 'POST', url: '/api/gallring', payload: { dryRun: 'ja' } });
    expect(bad.statusCode).toBe(400);
    expect((await t.call('admin', { method: 'POST', url: '/api/gallring', payload: { dryRun: true } })).json().cases).toHaveLength(1);
  });
});
