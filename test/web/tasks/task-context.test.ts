// The task page tells the person doing the step what they need beside the form: who the case is about, the decision
// date, what has been answered before, and the routine's own instruction for the step.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn } from '../page-session.js';

let t: TestApp;
afterEach(() => t.close());

beforeEach(async () => {
  t = await startTestApp({ processes: ['web-lss-beslut.bpmn'] });
});

describe('the task page context', () => {
  test('when the enhetschef opens the task, then the page names the person, the decision date, the earlier answers by label and the instruction', async () => {
    // given
    const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-lss-beslut/instances', payload: { businessKey: 'LSS-9', variables: { beslutsdatum: '2027-01-05', brukare: 'Anna Berg', antal: 2 } } });
    const [task] = (await t.call('enhetschef', { method: 'GET', url: `/api/tasks?instanceId=${started.json().id}` })).json();
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, `/tasks/${task.id}`);
    // then
    expect(page.body).toContain('<dt>Person</dt>\n  <dd>Anna Berg</dd>');
    expect(page.body).toContain('<dt>Beslutsdatum</dt>\n  <dd>5 januari 2027</dd>');
    expect(page.body).toContain('<h2 id="instruktion">Så här säger rutinen</h2>');
    expect(page.body).toContain('&quot;Enhetschefen lämnar svar inom en vecka.&quot; Svara ja om en plats finns.');
    expect(page.body).toContain('<dt>Antal rum</dt>\n    <dd class="case-value">2</dd>');
    expect(page.body).toContain('Uppgifter som redan finns i ärendet (3)');
    expect(task).not.toHaveProperty('documentation');
  });
});
