import { afterEach, describe, expect, test } from 'vitest';
import { startBeslut, startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn } from '../page-session.js';

/** The rows of the access log table as "user | business key and case id | what". */
function rows(body: string): string[] {
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
  return [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<td>([\s\S]*?)<\/td>/g)].slice(1).map(([, cell]) => cell!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()).join(' | '),
  );
}

describe('access log', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a case is read on its page, its diagram and through the API, then each read is logged and the auditor sees who, which case and when', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);
    const caseworker = await signIn(t, 'enhetschef');
    await getPage(t, caseworker, `/cases/${instanceId}`);
    await getPage(t, caseworker, `/cases/${instanceId}/diagram.bpmn`);
    await t.call('lss-handlaggare', { method: 'GET', url: `/api/instances/${instanceId}` });
    await t.call('lss-handlaggare', { method: 'GET', url: `/api/instances/${instanceId}/history` });
    const auditor = await signIn(t, 'revisor');
    // when
    const log = await getPage(t, auditor, '/audit/access-log');
    // then
    expect(log.statusCode).toBe(200);
    expect(rows(log.body)).toEqual([
      `lss-handlaggare | B-1 ${instanceId} | Historiken (API eller CSV)`,
      `lss-handlaggare | B-1 ${instanceId} | Ärendet (API)`,
      `enhetschef | B-1 ${instanceId} | Processdiagrammet`,
      `enhetschef | B-1 ${instanceId} | Ärendesidan`,
    ]);
    expect(log.body).toContain('<time datetime="2027-01-15T08:00:00.000Z">15 jan. 2027 09:00</time>');
  });

  test("when cases are read many at a time (the list, a search, a task page), then each is logged and a case's reads include the lists it was shown in", async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startBeslut(t, 'B-1');
    await startBeslut(t, 'B-2');
    const caseworker = await signIn(t, 'enhetschef');
    await getPage(t, caseworker, '/cases');
    await t.call('enhetschef', { method: 'GET', url: '/api/instances?q=B-1' });
    await getPage(t, caseworker, `/tasks/${taskId}`);
    const auditor = await signIn(t, 'revisor');
    // when
    const all = await getPage(t, auditor, '/audit/access-log?user=enhetschef');
    const ofCase = await getPage(t, auditor, `/audit/access-log?instanceId=${instanceId}`);
    // then
    expect(rows(all.body)).toEqual([
      `enhetschef | B-1 ${instanceId} | Uppgiftssidan`,
      'enhetschef | Visade 1 ärenden | En sökning bland ärendena',
      'enhetschef | Visade 2 ärenden | Ärendelistan',
    ]);
    expect(rows(ofCase.body)).toHaveLength(3);
  });

  test('when the auditor filters by person and by date and downloads the result, then the CSV holds those reads', async () => {
    // given: B-1 is Anna Berg's case, B-2 someone else's; the clock stands at 15 January 2027
    t = await startTestApp({ processes: ['web-lss-beslut.bpmn'] });
    const start = (businessKey: string, brukare: string) =>
      t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-lss-beslut/instances', payload: { businessKey, variables: { beslutsdatum: '2027-01-05', brukare } } });
    const anna = (await start('B-1', 'Anna Berg')).json().id;
    const other = (await start('B-2', 'Bo Ek')).json().id;
    await t.call('enhetschef', { method: 'GET', url: `/api/instances/${anna}` });
    await t.call('enhetschef', { method: 'GET', url: `/api/instances/${other}` });
    const auditor = await signIn(t, 'revisor');
    // when
    const byPerson = await getPage(t, auditor, '/audit/access-log?person=anna+berg');
    const later = await getPage(t, auditor, '/audit/access-log?from=2027-01-16');
    const csv = await getPage(t, auditor, '/audit/access-log?person=anna+berg&from=2027-01-15&to=2027-01-15&format=csv');
    const badDay = await getPage(t, auditor, '/audit/access-log?from=igår');
    // then
    expect(rows(byPerson.body)).toEqual([`enhetschef | B-1 ${anna} | Ärendet (API)`]);
    expect(rows(later.body)).toEqual([]);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.replace(/^\ufeff/, '').trim().split('\n')).toEqual(['Tid;Användare;Ärende;Ärendets id;Vad;Visade ärenden', `2027-01-15T08:00:00.000Z;enhetschef;B-1;${anna};Ärendet (API);`]);
    expect(badDay.statusCode).toBe(400);
  });

  test('when the auditor filters by case and by user, then only the matching reads are listed', async () => {
    // given
    t = await startTestApp();
    const first = await startBeslut(t, 'B-1');
    const second = await startBeslut(t, 'B-2');
    await t.call('enhetschef', { method: 'GET', url: `/api/instances/${first.instanceId}` });
    await t.call('lss-handlaggare', { method: 'GET', url: `/api/instances/${first.instanceId}` });
    await t.call('enhetschef', { method: 'GET', url: `/api/instances/${second.instanceId}` });
    const auditor = await signIn(t, 'revisor');
    // when
    const byCase = await getPage(t, auditor, `/audit/access-log?instanceId=${first.instanceId}`);
    const byUser = await getPage(t, auditor, '/audit/access-log?user=enhetschef');
    const both = await getPage(t, auditor, `/audit/access-log?instanceId=${second.instanceId}&user=lss-handlaggare`);
    // then
    expect(rows(byCase.body)).toEqual([`lss-handlaggare | B-1 ${first.instanceId} | Ärendet (API)`, `enhetschef | B-1 ${first.instanceId} | Ärendet (API)`]);
    expect(rows(byUser.body)).toEqual([`enhetschef | B-2 ${second.instanceId} | Ärendet (API)`, `enhetschef | B-1 ${first.instanceId} | Ärendet (API)`]);
    expect(byUser.body).toContain('value="enhetschef"');
    expect(both.body).toContain('Inga läsningar som matchar filtret.');
  });

  test('when a read fails because the case does not exist, then nothing is logged', async () => {
    // given
    t = await startTestApp();
    await t.call('enhetschef', { method: 'GET', url: '/api/instances/finns-inte' });
    const auditor = await signIn(t, 'revisor');
    // when
    const log = await getPage(t, auditor, '/audit/access-log');
    // then
    expect(rows(log.body)).toEqual([]);
    expect(log.body).toContain('Inga läsningar.');
  });

  test('when someone other than an auditor or admin opens the access log, then a 403 page answers', async () => {
    // given
    t = await startTestApp();
    const caseworker = await signIn(t, 'enhetschef');
    const admin = await signIn(t, 'admin');
    // when
    const refused = await getPage(t, caseworker, '/audit/access-log');
    const allowed = await getPage(t, admin, '/audit/access-log');
    // then
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Du har inte behörighet');
    expect(refused.body).not.toContain('<h2 id="lasningar">');
    expect(allowed.statusCode).toBe(200);
  });

  test('when a filter is too long, then the form comes back with the message beside the field and status 400', async () => {
    // given
    t = await startTestApp();
    const auditor = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, auditor, `/audit/access-log?user=${'x'.repeat(101)}`);
    // then
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<span class="field-error" id="user-error">Användarnamnet får vara högst 100 tecken.</span>');
    expect(page.body).toContain(`value="${'x'.repeat(101)}"`);
  });
});
