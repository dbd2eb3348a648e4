import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startBeslut, startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn } from '../page-session.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'processes', 'web', 'web-beslut.bpmn');

/** Version 2 of web-beslut: the task renamed and the reminder after two months instead of one. */
async function deploySecondVersion(t: TestApp): Promise<string> {
  const xml = (await readFile(fixture, 'utf8')).replace('name="Lämna svar"', 'name="Lämna svar på beslutet"').replace('>P1M<', '>P2M<');
  const deployed = await t.call('admin', { method: 'POST', url: '/api/processes', headers: { 'content-type': 'application/xml' }, payload: xml });
  expect(deployed.statusCode).toBe(201);
  expect(deployed.json()).toEqual({ key: 'web-beslut', version: 2, warnings: [] });
  return xml;
}

/** The text of the page without tags, white space collapsed. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('process version pages', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a signed-in user opens the process list, then every routine shows with its newest version and who published it', async () => {
    // given
    t = await startTestApp();
    await deploySecondVersion(t);
    const session = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, session, '/processes');
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/processes/web-beslut">Beslut att besvara</a>');
    expect(text(page.body)).toMatch(/Beslut att besvara web-beslut 2 15 jan\. 2027 09:00 admin/);
  });

  test('when a process has two versions, then each shows who published it and how many cases run on it, with a download and a diagram', async () => {
    // given
    t = await startTestApp();
    await startBeslut(t, 'B-1');
    await startBeslut(t, 'B-2');
    await deploySecondVersion(t);
    await startBeslut(t, 'B-3');
    const session = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, session, '/processes/web-beslut');
    // then
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain('2 senaste 15 jan. 2027 09:00 admin 1 Vad version 2 ändrade Ladda ner version 2');
    expect(body).toContain('1 15 jan. 2027 09:00 system 2 Första versionen Ladda ner version 1');
    expect(page.body).toContain('<a href="/processes/web-beslut/diff?from&#x3D;1&amp;to&#x3D;2">Vad version 2 ändrade</a>');
    expect(page.body).toContain('<a href="/processes/web-beslut/versions/1.bpmn" download>');
    expect(page.body).toContain('data-diagram-url="/processes/web-beslut/versions/2.bpmn"');
    expect(page.body).toContain('<script src="/assets/app/version-diagram.js" defer></script>');
    expect(page.body).toContain('<form method="get" action="/processes/web-beslut/diff"');
    expect(page.body).toMatch(/<option value="1" selected>1<\/option>\s*<option value="2">2<\/option>/);
  });

  test('when a version is downloaded, then it is that version\'s BPMN file as an XML attachment', async () => {
    // given
    t = await startTestApp();
    const second = await deploySecondVersion(t);
    const session = await signIn(t, 'lss-handlaggare');
    // when
    const download = await getPage(t, session, '/processes/web-beslut/versions/2.bpmn');
    const first = await getPage(t, session, '/processes/web-beslut/versions/1.bpmn');
    // then
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(download.headers['content-disposition']).toBe('attachment; filename="web-beslut-v2.bpmn"');
    expect(download.body).toBe(second);
    expect(first.body).toContain('name="Lämna svar"');
  });

  test('when two versions are compared, then the page says in Swedish what was renamed and which timer changed', async () => {
    // given
    t = await startTestApp();
    await deploySecondVersion(t);
    const session = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, session, '/processes/web-beslut/diff?from=1&to=2');
    // then
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain('Från version 1 till version 2.');
    expect(body).toContain('Nya namn Användaruppgift lamnaSvar har bytt namn från ”Lämna svar” till ”Lämna svar på beslutet”.');
    expect(body).toContain('Ändrade timers ”En månad utan svar” (paminnelse): varaktighet P1M → varaktighet P2M.');
    expect(body).not.toContain('Tillagda steg');
  });

  test('when a version is compared with itself, then the page says there are no differences', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, '/processes/web-beslut/diff?from=1&to=1');
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Inga skillnader');
  });

  test('when the process or the version does not exist, then the answer is 404', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'revisor');
    // when
    const answers = await Promise.all(
      ['/processes/finns-inte', '/processes/web-beslut/versions/7.bpmn', '/processes/finns-inte/versions/1.bpmn', '/processes/web-beslut/diff?from=1&to=7'].map((url) => getPage(t, session, url)),
    );
    // then
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404]);
  });

  test('when the versions to compare are missing or not numbers, then the answer is 400', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'revisor');
    // when
    const answers = await Promise.all(
      ['/processes/web-beslut/diff', '/processes/web-beslut/diff?from=1', '/processes/web-beslut/diff?from=ett&to=2', '/processes/web-beslut/diff?from=0&to=1', '/processes/web-beslut/diff?from=1&to=2&extra=1', '/processes/web-beslut/versions/x.bpmn'].map((url) => getPage(t, session, url)),
    );
    // then
    expect(answers.map((a) => a.statusCode)).toEqual([400, 400, 400, 400, 400, 400]);
  });

  test('when nobody is signed in, then the process pages are not shown', async () => {
    // given
    t = await startTestApp();
    // when
    const page = await getPage(t, null, '/processes/web-beslut');
    // then
    expect(page.statusCode).not.toBe(200);
    expect(page.body).not.toContain('Beslut att besvara');
  });
});
