import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage, signIn, type SignedIn } from '../page-session.js';

const fixture = () => readFile('test/fixtures/processes/web/web-beslut.bpmn', 'utf8');

function publish(t: TestApp, session: SignedIn, xml: string, csrf = session.csrf) {
  const boundary = '----bk-test-boundary';
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="_csrf"',
    '',
    csrf,
    `--${boundary}`,
    'Content-Disposition: form-data; name="diagram"; filename="web-beslut.bpmn"',
    'Content-Type: application/xml',
    '',
    xml,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return t.app.inject({ method: 'POST', url: '/processes/publish', headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

describe('publishing a routine from the browser', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a process owner uploads a changed diagram, then it becomes the next version, published in their name', async () => {
    // given
    t = await startTestApp();
    const owner = await signIn(t, 'processagare');
    const changed = (await fixture()).replace('name="Beslut att besvara"', 'name="Beslut att besvara (ny rutin)"');
    // when
    const form = await getPage(t, owner, '/processes/publish');
    const published = await publish(t, owner, changed);
    const versions = (await t.call('admin', { method: 'GET', url: '/api/processes/web-beslut' })).json<{ version: number; versions: { deployedBy: string }[] }>();
    // then
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label for="diagram">BPMN-fil</label>');
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe('/processes/web-beslut');
    expect(versions.version).toBe(2);
    expect(versions.versions.at(-1)?.deployedBy).toBe('processagare');
  });

  test('when the diagram breaks a rule, then the page names the element and nothing is published', async () => {
    // given
    t = await startTestApp();
    const owner = await signIn(t, 'processagare');
    const broken = (await fixture()).replace('camunda:candidateGroups="enhetschef"', 'camunda:candidateGroups="<script>alert(1)</script>"');
    // when
    const answer = await publish(t, owner, broken);
    const latest = (await t.call('admin', { method: 'GET', url: '/api/processes/web-beslut' })).json<{ version: number }>();
    // then
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('Okänd roll');
    expect(answer.body).not.toContain('<script>alert(1)</script>');
    expect(latest.version).toBe(1);
  });

  test('when someone else or a forged form tries to publish, then it is refused', async () => {
    // given
    t = await startTestApp();
    const caseworker = await signIn(t, 'enhetschef');
    const owner = await signIn(t, 'processagare');
    // when
    const notOwner = await publish(t, caseworker, await fixture());
    const forged = await publish(t, owner, await fixture(), 'forfalskad');
    const formForCaseworker = await getPage(t, caseworker, '/processes/publish');
    // then
    expect([notOwner.statusCode, forged.statusCode, formForCaseworker.statusCode]).toEqual([403, 403, 403]);
  });
});

describe('the way to the publish page', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a process owner opens the list of routines, then it links to publishing; a caseworker sees no such link', async () => {
    // given
    t = await startTestApp();
    // when
    const owner = await getPage(t, await signIn(t, 'processagare'), '/processes');
    const caseworker = await getPage(t, await signIn(t, 'enhetschef'), '/processes');
    // then
    expect(owner.body).toContain('href="/processes/publish"');
    expect(caseworker.body).not.toContain('href="/processes/publish"');
  });
});
