// A case stopped at a step on the case page: the banner says where and why, and "Försök igen" runs the step again
// with the corrected variables it reads.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { following, getPage, postForm, signIn } from '../page-session.js';

let t: TestApp;
let caseId: string;
let incidentId: string;

beforeEach(async () => {
  t = await startTestApp({ processes: ['web-incident.bpmn'] });
  const started = await t.call('enhetschef', { method: 'POST', url: '/api/processes/web-incident/instances', payload: { businessKey: 'L-9', variables: { lagenhetId: 'ekbacken-1O1' } } });
  caseId = started.json().id;
  incidentId = (await t.call('admin', { method: 'GET', url: `/api/instances/${caseId}` })).json().incidents[0].id;
});

afterEach(async () => {
  await t.close();
});

describe('an incident on the case page', () => {
  test('when the enhetschef opens the stopped case, then the banner names the step and the error, with the variable the step reads to correct', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, `/cases/${caseId}`);
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ärendet har stannat vid steget ”Registrera lägenheten som ledig”');
    expect(page.body).toContain('ekbacken-1O1');
    expect(page.body).toContain(`action="/cases/${caseId}/incidents/${incidentId}/retry"`);
    expect(page.body).toMatch(/<input id="incident-[^"]+-lagenhetId" name="lagenhetId" type="text" value="ekbacken-1O1">/);
    expect(page.body).toContain('<button type="submit">Försök igen</button>');
  });

  test('when the auditor opens it, then the banner shows without the form', async () => {
    // given
    const session = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, session, `/cases/${caseId}`);
    // then
    expect(page.body).toContain('Ärendet har stannat vid steget');
    expect(page.body).not.toContain('Försök igen</button>');
  });

  test('when the retry still names an apartment that does not exist, then the page comes back with 409, the message and the value kept', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    // when
    const refused = await postForm(t, session, `/cases/${caseId}/incidents/${incidentId}/retry`, { lagenhetId: 'ekbacken-999' });
    // then
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Steget misslyckades igen');
    expect(refused.body).toContain('value="ekbacken-999"');
    expect((await t.call('admin', { method: 'GET', url: `/api/incidents` })).json().map((i: { id: string }) => i.id)).toContain(incidentId);
  });

  test('when the apartment is corrected, then the step runs, the banner is gone and the next task is open', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    // when
    const posted = await postForm(t, session, `/cases/${caseId}/incidents/${incidentId}/retry`, { lagenhetId: 'ekbacken-102' });
    const page = await getPage(t, following(session, posted), `/cases/${caseId}`);
    // then
    expect(posted.statusCode).toBe(303);
    expect(page.body).toContain('Steget kördes igen och ärendet gick vidare.');
    expect(page.body).not.toContain('Ärendet har stannat vid steget');
    expect((await t.call('enhetschef', { method: 'GET', url: `/api/tasks?instanceId=${caseId}` })).json().map((x: { elementId: string }) => x.elementId)).toEqual(['visa']);
  });
});

describe('an incident at a timer on the case page', () => {
  test('when a follow-up date was left empty, then the form offers the date, and giving it arms the timer', async () => {
    // given: the task was completed without the date its timer needs
    await t.close();
    t = await startTestApp({ processes: ['web-timer-incident.bpmn'] });
    const started = await t.call('enhetschef', { method: 'POST', url: '/api/processes/web-timer-incident/instances', payload: { businessKey: 'U-1', variables: {} } });
    const id = started.json().id;
    const [task] = (await t.call('enhetschef', { method: 'GET', url: `/api/tasks?instanceId=${id}` })).json();
    await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: { variables: {} } });
    const stopped = (await t.call('admin', { method: 'GET', url: `/api/instances/${id}` })).json();
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, `/cases/${id}`);
    const posted = await postForm(t, session, `/cases/${id}/incidents/${stopped.incidents[0].id}/retry`, { uppfoljningsdatum: '2027-03-01' });
    // then
    expect(stopped).toMatchObject({ state: 'running', incidents: [{ elementId: 'dagen', name: 'Uppföljningsdagen' }] });
    expect(page.body).toContain('Ärendet har stannat vid steget ”Uppföljningsdagen”');
    expect(page.body).toMatch(/<input id="incident-[^"]+-uppfoljningsdatum" name="uppfoljningsdatum" type="text" value="">/);
    expect(posted.statusCode).toBe(303);
    const armed = (await t.call('admin', { method: 'GET', url: `/api/instances/${id}` })).json();
    expect(armed.incidents).toEqual([]);
    expect(armed.waitingFor).toEqual([expect.objectContaining({ type: 'timer', elementId: 'dagen', due: '2027-02-28T23:00:00.000Z' })]);
  });
});
