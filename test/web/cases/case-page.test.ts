import { afterEach, describe, expect, test } from 'vitest';
import { startBeslut, startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn } from '../page-session.js';

async function startCase(t: TestApp, beslutsdatum: string, businessKey = 'B-7'): Promise<string> {
  const started = await t.call('lss-handlaggare', { method: 'POST', url: '/api/processes/web-beslut/instances', payload: { businessKey, variables: { beslutsdatum } } });
  if (started.statusCode !== 201) throw new Error(`start failed: ${started.statusCode}`);
  return started.json().id;
}

describe('case page', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a case is opened, then the page draws the diagram with bpmn-js from /assets and marks where the case is', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, `/cases/${instanceId}`);
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="case-diagram"');
    expect(page.body).toContain(`data-diagram-url="/cases/${instanceId}/diagram.bpmn"`);
    expect(page.body).toContain('data-active="lamnaSvar"');
    expect(page.body).toMatch(/data-completed="[^"]*\bstart\b/);
    expect(page.body).toContain('<script src="/assets/bpmn-js/bpmn-navigated-viewer.production.min.js" defer></script>');
    expect(page.body).toContain('<script src="/assets/app/case-diagram.js" defer></script>');
    expect(page.body).toContain('<link rel="stylesheet" href="/assets/bpmn-js/assets/diagram-js.css">');
    expect(page.body).toContain('<link rel="stylesheet" href="/assets/bpmn-js/assets/bpmn-js.css">');
    expect(page.body).not.toMatch(/<script>|<style>|\sstyle="/);
    const script = await getPage(t, null, '/assets/app/case-diagram.js');
    const viewer = await getPage(t, null, '/assets/bpmn-js/bpmn-navigated-viewer.production.min.js');
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain("addMarker(id, marker)");
    expect(viewer.statusCode).toBe(200);
  });

  test('when the diagram is fetched, then the BPMN source of the instance’s version is served as XML', async () => {
    // given
    t = await startTestApp();
    const { instanceId } = await startBeslut(t);
    const session = await signIn(t, 'revisor');
    // when
    const diagram = await getPage(t, session, `/cases/${instanceId}/diagram.bpmn`);
    // then
    expect(diagram.statusCode).toBe(200);
    expect(diagram.headers['content-type']).toMatch(/^application\/xml/);
    expect(diagram.body).toContain('<bpmn:process id="web-beslut"');
  });

  test('when steps are taken, then the history lists them oldest first in Swedish with who, when and the submitted values', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startBeslut(t);
    await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/claim` });
    await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables: { svar: 'nej' } } });
    const session = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, session, `/cases/${instanceId}`);
    // then
    const body = page.body;
    const order = ['Ärendet startades', 'Uppgiften ”Lämna svar” skapades', 'Uppgiften ”Lämna svar” togs av enhetschef', 'Uppgiften ”Lämna svar” slutfördes', 'Processen avslutades'];
    const positions = order.map((text) => body.indexOf(text));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(body).toContain('<dt>svar</dt><dd class="case-value">nej</dd>');
    expect(body).toContain('<dt>beslutsdatum</dt><dd class="case-value">2027-01-31</dd>');
    expect(body).toContain('· lss-handlaggare');
    expect(body).toContain('15 jan. 2027 09:00');
    expect(body).toContain('Avslutat');
  });

  test("when a case is opened, then its values stand under their form labels, the history shows people's steps with all entries a click away, and the diagram comes last", async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startBeslut(t);
    await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables: { svar: 'nej' } } });
    const session = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, session, `/cases/${instanceId}`);
    const all = await getPage(t, session, `/cases/${instanceId}?historik=alla`);
    // then
    expect(page.body).toContain('<th scope="row" data-label="Uppgift">Svar</th><td class="case-value" data-label="Värde">nej</td>');
    expect(page.body).toContain('<th scope="row" data-label="Uppgift">Beslutsdatum</th>');
    expect(page.body).not.toContain('påbörjades');
    expect(all.body).toContain('Starten ”Beslut fattat” påbörjades');
    expect(page.body).toMatch(/passager genom processens grindar och händelser är dolda/);
    expect(page.body).toContain(`<a href="/cases/${instanceId}?historik=alla#historik">Visa alla`);
    expect(page.body.indexOf('id="variabler"')).toBeLessThan(page.body.indexOf('id="processen"'));
    expect(page.body.indexOf('id="historik"')).toBeLessThan(page.body.indexOf('id="processen"'));
    expect(page.body).toContain('data-diagram-zoom="in"');
  });

  test('when the history is downloaded, then it is a CSV of every entry with its values, formulas neutralised, and the read is logged', async () => {
    // given
    t = await startTestApp();
    const { instanceId, taskId } = await startBeslut(t, '=HYPERLINK("x")');
    await t.call('enhetschef', { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { variables: { svar: 'ja' } } });
    const session = await signIn(t, 'enhetschef');
    // when
    const csv = await getPage(t, session, `/cases/${instanceId}/history.csv`);
    // then
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="historik-[A-Za-z0-9_-]+\.csv"$/);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\n');
    expect(lines[0]).toBe('Tid;Vem;Händelse;Uppgifter');
    expect(lines.some((l) => l.includes('Uppgiften ”Lämna svar” slutfördes;svar: ja'))).toBe(true);
    expect(lines.some((l) => l.includes('påbörjades'))).toBe(true);
    expect(csv.body).not.toMatch(/;=HYPERLINK/);
    const log = await getPage(t, await signIn(t, 'admin'), `/audit/access-log?instanceId=${instanceId}`);
    expect(log.body).toContain('Historiken (API eller CSV)');
  });

  test('when a value holds markup, then the variables and the history show it as text', async () => {
    // given
    t = await startTestApp();
    const instanceId = await startCase(t, '2027-01-10', '<b>B-1</b>');
    const sent = await t.call('lss-handlaggare', { method: 'POST', url: `/api/instances/${instanceId}/messages/avliden`, payload: { variables: { anteckning: '<script>alert(1)</script>' } } });
    expect(sent.statusCode).toBe(202);
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, `/cases/${instanceId}`);
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).not.toContain('<b>B-1</b>');
    expect(page.body).toContain('<th scope="row" data-label="Uppgift">Anteckning</th><td class="case-value" data-label="Värde">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(page.body).toContain('Meddelandet ”avliden” togs emot');
    expect(page.body).toContain('<dt>anteckning</dt><dd class="case-value">&lt;script&gt;alert(1)&lt;/script&gt;</dd>');
    expect(page.body).toContain('Ärende &lt;b&gt;B-1&lt;/b&gt;');
  });

  test('when the decision is not executed, then the legal clock counts the days and names when it is reportable and the report it is in, months clamped', async () => {
    // given: the clock stands at 2027-01-15
    t = await startTestApp();
    const instanceId = await startCase(t, '2026-10-31');
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const before = await getPage(t, session, `/cases/${instanceId}`);
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2027-02-01T08:00:00Z' } });
    const after = await getPage(t, session, `/cases/${instanceId}`);
    // then
    expect(before.body).toContain('<dt>Dagar sedan beslutet</dt><dd>76</dd>');
    expect(before.body).toContain('<dt>Rapporteringspliktigt från</dt><dd>31 januari 2027</dd>');
    expect(before.body).toContain('<dt>Ingår i IVO-rapporten för</dt><dd>kvartal 1 2027</dd>');
    expect(before.body).toContain('<dt>Ska rapporteras</dt><dd>1 april 2027 – senast 30 april 2027</dd>');
    expect(after.body).toContain('<dt>Dagar sedan beslutet</dt><dd>93</dd>');
    expect(after.body).toContain('<dt>Ska rapporteras</dt><dd>1 april 2027 – senast 30 april 2027</dd>');
  });

  test('when the case has ended, then no IVO date is given and the open task deadline is gone', async () => {
    // given
    t = await startTestApp();
    const instanceId = await startCase(t, '2026-10-31');
    const session = await signIn(t, 'enhetschef');
    const open = await getPage(t, session, `/cases/${instanceId}`);
    await t.call('lss-handlaggare', { method: 'POST', url: `/api/instances/${instanceId}/messages/avliden` , payload: { variables: {} } });
    // when
    const ended = await getPage(t, session, `/cases/${instanceId}`);
    // then
    expect(open.body).toContain('Lämna svar</a></td>');
    expect(ended.body).toContain('Ingen – Ärendet pågår inte längre.');
    expect(ended.body).toContain('Inga öppna uppgifter som du kan se.');
  });

  test('when the case does not exist, then a 404 page answers', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, '/cases/finns-inte');
    const diagram = await getPage(t, session, '/cases/finns-inte/diagram.bpmn');
    // then
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Ärendet finns inte.');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(diagram.statusCode).toBe(404);
  });
});
