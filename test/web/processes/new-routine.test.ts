// "Ny rutin": the process owner names a routine, starts from a blank diagram or a copy, and the editor publishes version 1.
import { afterEach, describe, expect, test } from 'vitest';
import { getPage, postForm, signIn } from '../page-session.js';
import { startTestApp, type TestApp } from '../test-app.js';

const xmlHeaders = { 'content-type': 'application/xml' };

describe('a new routine', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a name is given, then the key is made from it in lower case without å, ä, ö', async () => {
    t = await startTestApp();
    const owner = await signIn(t, 'processagare');
    const keyFromName = async (name: string) => /data-key="([^"]+)"/.exec((await postForm(t, owner, '/processes/new', { name, from: '' })).body)?.[1];
    const keys = [];
    for (const name of ['Boendestöd i ny regi', '  Övergång till Särskilt boende!  ', '3 veckor – LSS']) keys.push(await keyFromName(name));
    expect(keys).toEqual(['boendestod-i-ny-regi', 'overgang-till-sarskilt-boende', 'veckor-lss']);
  });

  test('when the process owner starts from a blank diagram, then the editor opens on it and publishing makes version 1; a second publish as new is a conflict', async () => {
    // given
    t = await startTestApp();
    const owner = await signIn(t, 'processagare');
    // when
    const editor = await postForm(t, owner, '/processes/new', { name: 'Boendestöd i ny regi', from: '' });
    const sourceUrl = /data-source-url="([^"]+)"/.exec(editor.body)?.[1]?.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
    const xml = (await getPage(t, owner, sourceUrl!)).body;
    const check = await t.call('processagare', { method: 'POST', url: '/api/editor/check?key=boendestod-i-ny-regi', headers: xmlHeaders, payload: xml });
    const published = await t.call('processagare', { method: 'POST', url: '/api/editor/publish?key=boendestod-i-ny-regi&base=0', headers: xmlHeaders, payload: xml });
    const again = await t.call('processagare', { method: 'POST', url: '/api/editor/publish?key=boendestod-i-ny-regi&base=0', headers: xmlHeaders, payload: xml });
    // then
    expect(editor.statusCode).toBe(200);
    expect(editor.body).toContain('data-key="boendestod-i-ny-regi"');
    expect(editor.body).toContain('data-version="0"');
    expect(check.json().problems).toEqual([]);
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ key: 'boendestod-i-ny-regi', version: 1 });
    expect((await t.call('processagare', { method: 'GET', url: '/api/processes/boendestod-i-ny-regi' })).json().name).toBe('Boendestöd i ny regi');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('Det finns redan en rutin med id boendestod-i-ny-regi');
  });

  test('when the process owner copies a routine, then the copy has the new id and name and the rest of the routine, and passes the checks', async () => {
    // given
    t = await startTestApp();
    const owner = await signIn(t, 'processagare');
    // when
    const xml = (await getPage(t, owner, '/processes/new.bpmn?name=Beslut%20att%20besvara%20igen&from=web-beslut')).body;
    const check = await t.call('processagare', { method: 'POST', url: '/api/editor/check?key=beslut-att-besvara-igen', headers: xmlHeaders, payload: xml });
    // then
    expect(xml).toContain('<bpmn:process id="beslut-att-besvara-igen" name="Beslut att besvara igen"');
    expect(xml).toContain('bpmnElement="beslut-att-besvara-igen"');
    expect(xml).toContain('id="lamnaSvar"');
    expect(check.json().problems).toEqual([]);
  });

  test('when the name is taken, too short or the routine to copy is unknown, then the form says so and keeps what was typed', async () => {
    // given
    t = await startTestApp();
    const owner = await signIn(t, 'processagare');
    // when
    const taken = await postForm(t, owner, '/processes/new', { name: 'Web beslut', from: '' });
    const short = await postForm(t, owner, '/processes/new', { name: 'ab', from: '' });
    const unknown = await postForm(t, owner, '/processes/new', { name: 'En helt ny rutin', from: 'finns-inte' });
    // then
    expect([taken.statusCode, short.statusCode, unknown.statusCode]).toEqual([400, 400, 400]);
    expect(taken.body).toContain('Det finns redan en rutin med id web-beslut');
    expect(short.body).toContain('Namnet behöver minst 3 tecken.');
    expect(unknown.body).toContain('Välj en av rutinerna i listan.');
    expect(unknown.body).toContain('value="En helt ny rutin"');
  });
});
