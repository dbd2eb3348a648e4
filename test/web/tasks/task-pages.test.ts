import { afterEach, describe, expect, test } from 'vitest';
import { fieldMessages } from '../../../src/forms/index.js';
import { withLayout } from '../../helpers/diagram-layout.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { following, getPage, postForm, signIn, type SignedIn } from '../page-session.js';

/** A task form with every field type: a readonly value from the start, limits, a select and radio buttons. */
const formularBpmn = withLayout(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="formularDefs" targetNamespace="http://boendekoordination.se/test/web">
  <bpmn:process id="web-formular" name="Formulärprov" isExecutable="true" camunda:candidateStarterGroups="lss-handlaggare">
    <bpmn:startEvent id="start" name="Start">
      <bpmn:extensionElements>
        <camunda:formData>
          <camunda:formField id="brukare" label="Brukare" type="string" />
        </camunda:formData>
      </bpmn:extensionElements>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="toBedoma" sourceRef="start" targetRef="bedoma" />
    <bpmn:userTask id="bedoma" name="Bedöm behovet" camunda:candidateGroups="arbetsterapeut" camunda:dueDate="P7D">
      <bpmn:extensionElements>
        <camunda:formData>
          <camunda:formField id="brukare" label="Brukare" type="string">
            <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
          </camunda:formField>
          <camunda:formField id="anteckning" label="Anteckning" type="text">
            <camunda:validation><camunda:constraint name="maxlength" config="100" /></camunda:validation>
          </camunda:formField>
          <camunda:formField id="antalRum" label="Antal rum" type="long">
            <camunda:validation>
              <camunda:constraint name="required" />
              <camunda:constraint name="min" config="1" />
              <camunda:constraint name="max" config="5" />
            </camunda:validation>
          </camunda:formField>
          <camunda:formField id="hemtjanst" label="Har hemtjänst" type="boolean" />
          <camunda:formField id="inflyttning" label="Inflyttning" type="date">
            <camunda:validation><camunda:constraint name="required" /></camunda:validation>
          </camunda:formField>
          <camunda:formField id="boendeform" label="Boendeform" type="enum">
            <camunda:value id="gruppbostad" name="Gruppbostad" />
            <camunda:value id="servicebostad" name="Servicebostad" />
            <camunda:value id="annan" name="Annan särskilt anpassad bostad" />
            <camunda:value id="ingen" name="Ingen" />
          </camunda:formField>
          <camunda:formField id="beslut" label="Beslut" type="enum">
            <camunda:value id="ja" name="Bifall" />
            <camunda:value id="nej" name="Avslag" />
            <camunda:validation><camunda:constraint name="required" /></camunda:validation>
          </camunda:formField>
        </camunda:formData>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="toKlar" sourceRef="bedoma" targetRef="klar" />
    <bpmn:endEvent id="klar" name="Klar" />
  </bpmn:process>
</bpmn:definitions>
`);

const validAnswer = { anteckning: 'Behöver två rum.', antalRum: '2', hemtjanst: 'on', inflyttning: '2027-03-01', boendeform: 'gruppbostad', beslut: 'ja' };

/** Deploys the form diagram, starts a case as lss-handlaggare and returns its id and its open task's id. */
async function startFormular(t: TestApp, brukare = 'Testbrukare'): Promise<{ instanceId: string; taskId: string }> {
  const deployed = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: { 'content-type': 'application/xml' }, payload: formularBpmn });
  if (deployed.statusCode !== 201 && deployed.statusCode !== 200) throw new Error(`deploy failed: ${deployed.statusCode} ${deployed.body}`);
  const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-formular/instances', payload: { businessKey: 'F-1', variables: { brukare } } });
  const instanceId: string = started.json().id;
  const tasks = await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` });
  return { instanceId, taskId: tasks.json()[0].id };
}

async function openTasks(t: TestApp, instanceId: string) {
  return (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json() as { id: string; assignee: string | null }[];
}

/** A message as a regular-expression part that matches only itself (its `.` and brackets taken literally). */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('task page', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a member of the candidate group opens a task, then it shows the case, group, due date and the generated form', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startFormular(t);
    const session = await signIn(t, 'arbetsterapeut');
    // when
    const page = await getPage(t, session, `/tasks/${taskId}`);
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Bedöm behovet</h1>');
    expect(page.body).toContain(`<a href="/cases/${instanceId}">F-1</a> (Formulärprov)`);
    expect(page.body).toContain('<dd>arbetsterapeut</dd>');
    expect(page.body).toContain('22 jan. 2027');
    expect(page.body).not.toContain('(försenad)');
    expect(page.body).toContain(`action="/tasks/${taskId}/claim"`);
    expect(page.body).toMatch(/<input type="text" id="field-brukare" name="brukare" value="Testbrukare" readonly/);
    expect(page.body).toMatch(/<label for="field-anteckning">Anteckning<\/label>[\s\S]*<textarea id="field-anteckning" name="anteckning" rows="5" maxlength="100" aria-describedby="field-anteckning-hint">/);
    expect(page.body).toMatch(/<input type="number" id="field-antalRum" name="antalRum" value="" required min="1" max="5"/);
    expect(page.body).toMatch(/<label for="field-antalRum">Antal rum <span class="required-mark" aria-hidden="true">\*<\/span>/);
    expect(page.body).toMatch(/<input type="checkbox" id="field-hemtjanst" name="hemtjanst" value="on">/);
    expect(page.body).toMatch(/<input type="date" id="field-inflyttning" name="inflyttning" value="" required/);
    expect(page.body).toMatch(/<select id="field-boendeform" name="boendeform"[^>]*>\s*<option value="">Välj …<\/option>\s*<option value="gruppbostad">Gruppbostad<\/option>/);
    expect(page.body).toMatch(/<legend>Beslut <span class="required-mark"[\s\S]*<input type="radio" id="field-beslut" name="beslut" value="ja" required> Bifall[\s\S]*<input type="radio" id="field-beslut-1" name="beslut" value="nej" required> Avslag/);
    expect(page.body).toContain('>Slutför</button>');
    expect(page.body).toContain(`formaction="/tasks/${taskId}/save">Spara utkast</button>`);
  });

  test('when the due date has passed, then the task page marks it overdue', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startFormular(t);
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { advance: 'P8D' } });
    const session = await signIn(t, 'arbetsterapeut');
    // when
    const page = await getPage(t, session, `/tasks/${taskId}`);
    // then
    expect(page.body).toMatch(/<span class="overdue">22 jan\. 2027 \d\d:\d\d \(försenad\)<\/span>/);
  });

  test('when the form is completed with invalid values, then it comes back with status 400, the values kept and a message beside each field', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startFormular(t);
    const session = await signIn(t, 'arbetsterapeut');
    // when
    const page = await postForm(t, session, `/tasks/${taskId}/complete`, { anteckning: 'Kollar med enheten', antalRum: '9', inflyttning: '2027-02-30', boendeform: 'servicebostad' });
    // then
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<title>Fel: Bedöm behovet – Boendekoordination</title>');
    expect(page.body).toContain(`<a href="#field-antalRum">Antal rum: ${fieldMessages.max(5)}</a>`);
    expect(page.body).toContain(`<a href="#field-inflyttning">Inflyttning: ${fieldMessages.date}</a>`);
    expect(page.body).toContain(`<a href="#field-beslut">Beslut: ${fieldMessages.required}</a>`);
    expect(page.body).toMatch(new RegExp(String.raw`<p class="field-error" id="field-antalRum-error"><span class="visually-hidden">Fel: </span>${literal(fieldMessages.max(5))}</p>\s*<input type="number" id="field-antalRum" name="antalRum" value="9"[^>]*aria-describedby="field-antalRum-hint field-antalRum-error" aria-invalid="true">`));
    expect(page.body).toContain('id="field-beslut-error"');
    expect(page.body).toContain('>Kollar med enheten</textarea>');
    expect(page.body).toContain('value="2027-02-30"');
    expect(page.body).toContain('<option value="servicebostad" selected>');
    expect(page.body).toContain('value="Testbrukare" readonly');
    expect(await openTasks(t, instanceId)).toHaveLength(1);
  });

  test('when the form is completed with valid values, then the task is done, the answer goes to the start page and the values reach the case', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startFormular(t);
    const session = await signIn(t, 'arbetsterapeut');
    // when
    const done = await postForm(t, session, `/tasks/${taskId}/complete`, { brukare: 'Ändrat namn', ...validAnswer });
    // then
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/');
    expect(await openTasks(t, instanceId)).toEqual([]);
    const instance = (await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}` })).json();
    expect(instance.variables).toMatchObject({ brukare: 'Testbrukare', antalRum: 2, hemtjanst: true, inflyttning: '2027-03-01', beslut: 'ja' });
  });

  test('when a task is already completed, then its page and its posts answer 409 with a link home', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startFormular(t);
    const session = await signIn(t, 'arbetsterapeut');
    await postForm(t, session, `/tasks/${taskId}/complete`, validAnswer);
    // when
    const page = await getPage(t, session, `/tasks/${taskId}`);
    const again = await postForm(t, session, `/tasks/${taskId}/complete`, validAnswer);
    const claim = await postForm(t, session, `/tasks/${taskId}/claim`);
    // then
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('Uppgiften är redan slutförd eller finns inte längre.');
    expect(page.body).toContain('<a href="/">Till startsidan</a>');
    expect(again.statusCode).toBe(409);
    expect(claim.statusCode).toBe(409);
  });

  test('when a role outside the candidate groups opens or posts to a task, then it is refused with 403', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startFormular(t);
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, `/tasks/${taskId}`);
    const claim = await postForm(t, session, `/tasks/${taskId}/claim`);
    const complete = await postForm(t, session, `/tasks/${taskId}/complete`, { antalRum: 'många' });
    // then
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Du har inte behörighet');
    expect(claim.statusCode).toBe(403);
    expect(complete.statusCode).toBe(403);
    expect(complete.body).not.toContain(fieldMessages.long);
    expect(await openTasks(t, instanceId)).toEqual([expect.objectContaining({ assignee: null })]);
  });

  test('when the auditor opens a task, then the form is shown locked, and every post of theirs is refused with 403', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startFormular(t);
    const session = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, session, `/tasks/${taskId}`);
    const posts = await Promise.all(
      ['claim', 'unclaim', 'save', 'complete'].map((action) => postForm(t, session, `/tasks/${taskId}/${action}`, action === 'complete' ? { antalRum: 'x' } : validAnswer)),
    );
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Du kan läsa uppgiften men inte ändra den.');
    expect(page.body).toMatch(/<input type="number" id="field-antalRum" name="antalRum" value="" required disabled/);
    expect(page.body).not.toContain('>Slutför</button>');
    expect(page.body).not.toContain('/claim"');
    expect(posts.map((p) => p.statusCode)).toEqual([403, 403, 403, 403]);
    expect(await openTasks(t, instanceId)).toEqual([expect.objectContaining({ assignee: null })]);
  });

  test('when a task is claimed, saved as a draft and given back, then each step redirects to the task page and shows what changed', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startFormular(t);
    let session = await signIn(t, 'arbetsterapeut');
    // when
    const claim = await postForm(t, session, `/tasks/${taskId}/claim`);
    session = following(session, claim);
    const claimed = await getPage(t, session, `/tasks/${taskId}`);
    const save = await postForm(t, session, `/tasks/${taskId}/save`, { anteckning: 'Halvvägs', antalRum: 'tre', beslut: 'nej' });
    session = following(session, save);
    const saved = await getPage(t, session, `/tasks/${taskId}`);
    const unclaim = await postForm(t, session, `/tasks/${taskId}/unclaim`);
    session = following(session, unclaim);
    const givenBack = await getPage(t, session, `/tasks/${taskId}`);
    // then
    expect([claim, save, unclaim].map((r) => [r.statusCode, r.headers.location])).toEqual([
      [303, `/tasks/${taskId}`],
      [303, `/tasks/${taskId}`],
      [303, `/tasks/${taskId}`],
    ]);
    expect(claimed.body).toContain('<p class="notice" role="status">Du har tagit uppgiften.</p>');
    expect(claimed.body).toMatch(/<dt>Tagen av<\/dt>\s*<dd>arbetsterapeut<\/dd>/);
    expect(claimed.body).toContain(`action="/tasks/${taskId}/unclaim"`);
    expect(saved.body).toContain('Utkastet är sparat.');
    expect(saved.body).toContain('>Halvvägs</textarea>');
    expect(saved.body).toContain('name="antalRum" value="tre"');
    expect(saved.body).toMatch(/value="nej" checked/);
    expect(givenBack.body).toContain('Uppgiften är tillbaka hos gruppen.');
    expect(givenBack.body).toMatch(/<dt>Tagen av<\/dt>\s*<dd>Ingen ännu<\/dd>/);
    expect(givenBack.body).toContain('>Halvvägs</textarea>');
    expect(await openTasks(t, instanceId)).toEqual([expect.objectContaining({ assignee: null })]);
    const history = (await t.call('admin', { method: 'GET', url: `/api/instances/${instanceId}/history` })).json() as { type: string }[];
    expect(history.map((e) => e.type)).toEqual(expect.arrayContaining(['task.claimed', 'task.draft-saved', 'task.unclaimed']));
  });

  test('when a notice is left for one page, then another page shown first takes it away without showing it', async () => {
    // given
    t = await startTestApp();
    const { taskId } = await startFormular(t);
    let session = await signIn(t, 'arbetsterapeut');
    session = following(session, await postForm(t, session, `/tasks/${taskId}/claim`));
    // when
    const elsewhere = await getPage(t, session, '/cases');
    const later = await getPage(t, following(session, elsewhere), `/tasks/${taskId}`);
    // then
    expect(elsewhere.body).not.toContain('Du har tagit uppgiften.');
    expect(later.body).not.toContain('Du har tagit uppgiften.');
  });

  test('when a script tag is typed into the form, then it is shown as text on the re-rendered form, in the draft and from the case', async () => {
    // given
    t = await startTestApp();
    const script = '<script>alert(1)</script>';
    const { taskId } = await startFormular(t, script);
    let session = await signIn(t, 'arbetsterapeut');
    // when
    const invalid = await postForm(t, session, `/tasks/${taskId}/complete`, { anteckning: script, antalRum: script });
    session = following(session, await postForm(t, session, `/tasks/${taskId}/save`, { anteckning: script }));
    const draft = await getPage(t, session, `/tasks/${taskId}`);
    // then
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;';
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain(`>${escaped}</textarea>`);
    expect(invalid.body).toContain(`name="antalRum" value="${escaped}"`);
    expect(draft.body).toContain(`>${escaped}</textarea>`);
    expect(draft.body).toContain(`name="brukare" value="${escaped}" readonly`);
    for (const body of [invalid.body, draft.body]) expect(body).not.toContain(script);
  });
});

describe('task lists name the case', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  test('when two cases wait at the same step, then the API and the start page tell them apart by business key and person', async () => {
    // given
    t = await startTestApp();
    const first = await startFormular(t, 'Anna Andersson');
    const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-formular/instances', payload: { businessKey: 'F-2', variables: { brukare: 'Bertil Berg' } } });
    const session = await signIn(t, 'arbetsterapeut');
    // when
    const listed = (await t.call('arbetsterapeut', { method: 'GET', url: '/api/tasks' })).json();
    const page = await getPage(t, session, '/');
    // then
    expect(listed.map((x: { instanceId: string; businessKey: string; brukare: string }) => [x.instanceId, x.businessKey, x.brukare])).toEqual(
      expect.arrayContaining([
        [first.instanceId, 'F-1', 'Anna Andersson'],
        [started.json().id, 'F-2', 'Bertil Berg'],
      ]),
    );
    expect(page.body).toContain(`<a href="/cases/${first.instanceId}">F-1</a><br><span class="muted">Anna Andersson</span>`);
    expect(page.body).toContain('Bertil Berg');
    expect(page.body).not.toContain('>web-formular</a>');
  });
});
