// People pick a user from a list instead of typing a user name, type a personnummer whose check digit is verified,
// and cannot enter a decision date after today: what is refused names the field, and the task or start stays open.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { following, getPage, postForm, signIn } from '../page-session.js';

let t: TestApp;

beforeEach(async () => {
  // The manual clock stands at 2027-01-15 (clockStart); DEMO=1 has one user per role, named after it.
  t = await startTestApp({ processes: ['web-referenser.bpmn'] });
});

afterEach(() => t.close());

async function start(variables: Record<string, unknown>) {
  return t.call('boendeteam-chef', { method: 'POST', url: '/api/processes/web-referenser/instances', payload: { businessKey: 'R-1', variables } });
}

async function openTask(instanceId: string, user = 'boendeteam-chef') {
  return (await t.call(user, { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json()[0];
}

describe('a decision date with plausibility limits', () => {
  test('when a decision date after today or over ten years back is sent, then 400 says which day is the limit and no case starts', async () => {
    // given
    const before = (await t.call('admin', { method: 'GET', url: '/api/instances' })).json().length;
    // when
    const future = await start({ beslutsdatum: '2031-01-15' });
    const ancient = await start({ beslutsdatum: '2016-12-31' });
    // then
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([{ field: 'beslutsdatum', message: 'Datumet kan inte vara efter 2027-01-15.' }]);
    expect(ancient.json().fields).toEqual([{ field: 'beslutsdatum', message: 'Datumet kan inte vara före 2017-01-15.' }]);
    expect((await t.call('admin', { method: 'GET', url: '/api/instances' })).json()).toHaveLength(before);
  });

  test('when the start page is opened, then the date field carries the limits and says them', async () => {
    // given
    const session = await signIn(t, 'boendeteam-chef');
    // when
    const page = await getPage(t, session, '/processes/web-referenser/start');
    // then
    expect(page.body).toMatch(/<input type="date" id="field-beslutsdatum"[^>]* min="2017-01-15" max="2027-01-15"/);
    expect(page.body).toContain('Ett datum från 2017-01-15 till 2027-01-15.');
  });
});

describe('a personnummer field', () => {
  test('when a number with a wrong check digit is sent, then 400 names the field; a right one in any common form is stored as ÅÅÅÅMMDD-NNNN', async () => {
    // when
    const wrong = await start({ beslutsdatum: '2027-01-10', personnummer: '640823-3233' });
    const right = await start({ beslutsdatum: '2027-01-10', personnummer: '6408233234' });
    const coordination = await start({ beslutsdatum: '2027-01-10', personnummer: '701063-2391' });
    // then
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([{ field: 'personnummer', message: 'Ange ett personnummer eller samordningsnummer, ÅÅÅÅMMDD-NNNN; kontrollsiffran måste stämma.' }]);
    const stored = (await t.call('admin', { method: 'GET', url: `/api/instances/${right.json().id}` })).json().variables;
    expect(stored.personnummer).toBe('19640823-3234');
    expect(coordination.statusCode).toBe(201);
    const page = await getPage(t, await signIn(t, 'boendeteam-chef'), `/cases/${right.json().id}`);
    expect(page.body).toContain('<td class="case-value" data-label="Värde">19640823-****</td>');
    expect(page.body).not.toContain('19640823-3234');
  });
});

describe('a user field', () => {
  test('when the task is listed and opened, then it offers the users holding the role by name, in a list to pick from', async () => {
    // given
    const instanceId = (await start({ beslutsdatum: '2027-01-10' })).json().id;
    const session = await signIn(t, 'boendeteam-chef');
    // when
    const task = await openTask(instanceId);
    const page = await getPage(t, session, `/tasks/${task.id}`);
    // then
    expect(task.form[0]).toMatchObject({ id: 'ansvarig', type: 'user', values: [{ id: 'arbetsterapeut', name: 'Arbetsterapeut (demo) – arbetsterapeut' }] });
    expect(page.body).toContain('<option value="arbetsterapeut">Arbetsterapeut (demo) – arbetsterapeut</option>');
    expect(page.body).toContain('Användare med rätt roll, efter namn.');
  });

  test('when a misspelt or wrong-role user is sent, then 400 names the field and the task stays open; a picked one gets the next task', async () => {
    // given
    const instanceId = (await start({ beslutsdatum: '2027-01-10' })).json().id;
    const task = await openTask(instanceId);
    const session = await signIn(t, 'boendeteam-chef');
    // when
    const misspelt = await t.call('boendeteam-chef', { method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: { variables: { ansvarig: 'arbetsterapeut1' } } });
    const wrongRole = await postForm(t, session, `/tasks/${task.id}/complete`, { ansvarig: 'enhetschef' });
    const stillOpen = await openTask(instanceId);
    const picked = await postForm(t, following(session, wrongRole), `/tasks/${task.id}/complete`, { ansvarig: 'arbetsterapeut' });
    // then
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().fields).toEqual([{ field: 'ansvarig', message: 'Välj en av användarna i listan.' }]);
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.body).toContain('Ansvarig arbetsterapeut: Välj en av användarna i listan.');
    expect(stillOpen.id).toBe(task.id);
    expect(picked.statusCode).toBe(303);
    expect(await openTask(instanceId, 'arbetsterapeut')).toMatchObject({ elementId: 'kartlagg', assignee: 'arbetsterapeut' });
  });
});
