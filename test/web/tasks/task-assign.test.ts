// A chef of the task's process hands a task held by someone who is away to someone else or back to the group, and
// sets the day to look at it again; others cannot, and a user outside the task's roles is refused.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { following, getPage, postForm, signIn } from '../page-session.js';

let t: TestApp;
let instanceId: string;
let taskId: string;

beforeEach(async () => {
  // web-referenser: the boendeteam-chef gives "Kartlägg behoven" to an arbetsterapeut picked from the users.
  t = await startTestApp({ processes: ['web-referenser.bpmn'] });
  instanceId = (await t.call('boendeteam-chef', { method: 'POST', url: '/api/processes/web-referenser/instances', payload: { businessKey: 'R-7', variables: { beslutsdatum: '2027-01-10' } } })).json().id;
  const fordela = (await t.call('boendeteam-chef', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json()[0];
  await t.call('boendeteam-chef', { method: 'POST', url: `/api/tasks/${fordela.id}/complete`, payload: { variables: { ansvarig: 'arbetsterapeut' } } });
  taskId = (await t.call('arbetsterapeut', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json()[0].id;
});

afterEach(() => t.close());

const assign = (user: string, body: Record<string, unknown>) => t.call(user, { method: 'POST', url: `/api/tasks/${taskId}/assign`, payload: body });
const listed = async () => (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json()[0];

describe('POST /api/tasks/:id/assign', () => {
  test('when the chef releases a task held by someone away and sets a follow-up day, then the group can take it and the history says who did it', async () => {
    // when
    const released = await assign('boendeteam-chef', { assignee: null, followUp: '2027-01-20' });
    // then
    expect(released.statusCode).toBe(200);
    expect(await listed()).toMatchObject({ assignee: null, followUp: '2027-01-20' });
    const history: { type: string; actor: string; data: unknown }[] = (await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}/history` })).json();
    expect(history.filter((e) => e.type === 'task.assigned')).toMatchObject([{ actor: 'boendeteam-chef', data: { assignee: null, followUp: '2027-01-20' } }]);
  });

  test('when the chef gives it to a user of its role, then that user holds it and the follow-up is kept', async () => {
    // given
    await assign('boendeteam-chef', { assignee: null, followUp: '2027-01-20' });
    // when
    const given = await assign('admin', { assignee: 'arbetsterapeut' });
    // then
    expect(given.statusCode).toBe(200);
    expect(await listed()).toMatchObject({ assignee: 'arbetsterapeut', followUp: '2027-01-20' });
  });

  test("when a user outside the task's roles or a day that does not exist is sent, then 400 names the field and nothing changes", async () => {
    // when
    const outside = await assign('boendeteam-chef', { assignee: 'enhetschef' });
    const badDay = await assign('boendeteam-chef', { assignee: null, followUp: '2027-02-30' });
    // then
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields).toEqual([{ field: 'assignee', message: 'Välj en användare med någon av uppgiftens roller (arbetsterapeut).' }]);
    expect(badDay.json().fields).toEqual([{ field: 'followUp', message: 'Ange ett datum (ÅÅÅÅ-MM-DD).' }]);
    expect(await listed()).toMatchObject({ assignee: 'arbetsterapeut', followUp: null });
  });

  test('when someone who is not a chef of the process, or the auditor, reassigns, then 403 and the task stays with its holder', async () => {
    // when
    const answers = await Promise.all(['arbetsterapeut', 'enhetschef', 'revisor'].map(async (user) => (await assign(user, { assignee: null })).statusCode));
    // then
    expect(answers).toEqual([403, 403, 403]);
    expect((await listed()).assignee).toBe('arbetsterapeut');
  });
});

describe('the reassignment on the task page', () => {
  test('when the chef picks nobody and a follow-up day, then the task is back with the group and the page says so', async () => {
    // given
    const session = await signIn(t, 'boendeteam-chef');
    const page = await getPage(t, session, `/tasks/${taskId}`);
    // when
    const posted = await postForm(t, session, `/tasks/${taskId}/assign`, { assignee: '', followUp: '2027-01-20' });
    const after = await getPage(t, following(session, posted), `/tasks/${taskId}`);
    // then
    expect(page.body).toContain('<summary>Fördela uppgiften</summary>');
    expect(page.body).toContain('<option value="arbetsterapeut" selected>Arbetsterapeut (demo) – arbetsterapeut</option>');
    expect(posted.statusCode).toBe(303);
    expect(after.body).toContain('Uppgiften är tillbaka hos gruppen. Den följs upp 2027-01-20.');
    expect(after.body).toContain('<dt>Följs upp</dt>');
    expect(await listed()).toMatchObject({ assignee: null, followUp: '2027-01-20' });
  });

  test('when the arbetsterapeut opens the task, then there is no reassignment form', async () => {
    // given
    const session = await signIn(t, 'arbetsterapeut');
    // when
    const page = await getPage(t, session, `/tasks/${taskId}`);
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Fördela uppgiften');
  });
});
