import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage as getRawPage, signIn } from '../page-session.js';

/** A register page with the phone layout's cell labels (data-label) left out, so the tests read the table as such. */
async function getPage(...args: Parameters<typeof getRawPage>) {
  const page = await getRawPage(...args);
  return { statusCode: page.statusCode, headers: page.headers, body: page.body.replace(/ data-label="[^"]*"/g, '') };
}

/** Deploys the real diagram `processes/<key>.bpmn` through the API, as the process owner. */
async function deploy(t: TestApp, key: string): Promise<void> {
  const xml = await readFile(new URL(`../../../processes/${key}.bpmn`, import.meta.url), 'utf8');
  const deployed = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: { 'content-type': 'application/xml' }, payload: xml });
  if (deployed.statusCode !== 201) throw new Error(`deploy of ${key} failed: ${deployed.body}`);
}

async function start(t: TestApp, user: string, key: string, variables: Record<string, unknown>): Promise<string> {
  const started = await t.call(user, { method: 'POST', url: `/api/processes/${key}/instances`, payload: { variables } });
  if (started.statusCode !== 201) throw new Error(`start of ${key} failed: ${started.body}`);
  return started.json().id;
}

/** Completes the instance's open task `elementId` as admin. */
async function complete(t: TestApp, instanceId: string, elementId: string, variables: Record<string, unknown>): Promise<void> {
  const tasks: { id: string; elementId: string }[] = (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json();
  const task = tasks.find((x) => x.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open: ${tasks.map((x) => x.elementId).join(', ')}`);
  const done = await t.call('admin', { method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: { variables } });
  if (done.statusCode !== 200) throw new Error(`${elementId} failed: ${done.body}`);
}

/** The id of the choice of a reference field whose text starts with `shown`, as GET /api/tasks lists it. */
async function choiceFor(t: TestApp, instanceId: string, elementId: string, field: string, shown: string): Promise<string> {
  const tasks: { elementId: string; form: { id: string; values?: { id: string; name: string }[] }[] }[] = (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json();
  const values = tasks.find((x) => x.elementId === elementId)?.form.find((f) => f.id === field)?.values ?? [];
  const found = values.find((v) => v.name.startsWith(shown));
  if (!found) throw new Error(`${field} offers no "${shown}": ${values.map((v) => v.name).join(' | ')}`);
  return found.id;
}

/**
 * Sokande-A's decision about särskilt boende (queued on it), a vacancy at Ekbacken 102 (demo register) offered to her
 * by the vacancy routine, and her no with a reason registered in her decision case; returns that case.
 */
async function declinedOffer(t: TestApp): Promise<string> {
  await deploy(t, 'sol-sarskilt-boende');
  await deploy(t, 'sol-lagenhetserbjudande');
  const decision = await start(t, 'bistandshandlaggare', 'sol-sarskilt-boende', {
    beslutsdatum: '2026-11-20', brukare: 'Sokande-A', kon: 'man', franKorttidsboende: true,
    behov: 'Demens, behöver tillsyn.', hemtjanstgrupp: 'Hemtjänst Norr', kontaktuppgifter: 'Son, 070-111 11 11',
  });
  const id = await start(t, 'enhetschef', 'sol-lagenhetserbjudande', { lagenhetId: 'ekbacken-102', ledighetsorsak: 'flyttat' });
  await complete(t, id, 'journalforUtflyttning', { utflyttningsdatum: '2027-01-14' });
  await complete(t, id, 'meddelaKlarForInflytt', { klarForInflytt: '2027-01-18' });
  await complete(t, id, 'registreraLedigLagenhet', { lagenhetStorlek: '1 rum, 29 m²', hyra: 5150 });
  await complete(t, id, 'boendeprioritering', { sokande: await choiceFor(t, id, 'boendeprioritering', 'sokande', 'Sokande-A –'), prioriteringsgrund: 'Längst kötid.', dialogOmRum: false });
  await complete(t, id, 'ringOchErbjud', { erbjudandedatum: '2027-01-18', visningsdatum: '2027-01-19', beskedsdatum: '2027-01-20', vemRinger: 'enskilde' });
  await complete(t, id, 'andraReserveratDatum', { journalfort: true });
  await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2027-01-21T08:00:00Z' } });
  await complete(t, decision, 'registreraBesked', { svar: 'nej', svarsdatum: '2027-01-20', beskedKommentar: 'Vill bo närmare dottern i Solna.' });
  return decision;
}

describe('housing register pages', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a signed-in user opens the register, then the units show their counts per status and the apartments their details', async () => {
    // given
    t = await startTestApp();
    const session = await signIn(t, 'arbetsterapeut');
    // when
    const page = await getPage(t, session, '/housing');
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<th scope="row">Servicebostad Lindgården<\/th><td>LSS<\/td><td>[^<]+<\/td><td>2<\/td><td>1<\/td><td>0<\/td><td>0<\/td><td>1<\/td>/);
    const lindgarden12 = /<td>Servicebostad Lindgården<\/td>\s*<th scope="row">12<\/th>[\s\S]*?<\/tr>/.exec(page.body)?.[0] ?? '';
    expect(lindgarden12).toContain('<td>48</td>');
    expect(lindgarden12).toContain('<td>6\u00a0900</td>');
    expect(lindgarden12).toContain('Ledig');
    expect(lindgarden12).toContain('30 november 2026');
    expect(lindgarden12).toContain('Nytt golv i badrummet');
    expect(page.body).toContain('<a href="/housing" aria-current="page">');
  });

  test('when someone who is not signed in opens a register page, then they are sent to the sign-in form', async () => {
    // given
    t = await startTestApp();
    // when
    const pages = await Promise.all(['/housing', '/housing/queue', '/housing/offers', '/housing/waitlist'].map((url) => getPage(t, null, url)));
    // then
    expect(pages.map((p) => [p.statusCode, p.headers.location])).toEqual(Array(4).fill([303, '/login']));
  });

  test('when an apartment is entered with a script in its renovation note, then the register page shows it as text', async () => {
    // given
    t = await startTestApp();
    const hostile = '<script>alert(1)</script>';
    const entered = await t.call('admin', {
      method: 'POST', url: '/api/housing',
      payload: { apartments: [{ id: 'solrosen-3', unitId: 'solrosen', number: '3', rooms: 1, sizeSqm: 30, rent: 5000, status: 'ledig', renovationNote: hostile }] },
    });
    const session = await signIn(t, 'enhetschef');
    // when
    const page = await getPage(t, session, '/housing');
    // then
    expect(entered.statusCode).toBe(201);
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain(hostile);
  });

  test('when an applicant was queued and declined an offer, then the queue shows the queue time and priority criteria and the offers the reason', async () => {
    // given
    t = await startTestApp();
    const id = await declinedOffer(t);
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2027-02-04T08:00:00Z' } });
    const session = await signIn(t, 'boendesamordnare');
    // when
    const queue = await getPage(t, session, '/housing/queue');
    const offers = await getPage(t, session, '/housing/offers');
    // then
    expect(queue.statusCode).toBe(200);
    const entry = /<th scope="row">Sokande-A<\/th>[\s\S]*?<\/tr>/.exec(queue.body)?.[0] ?? '';
    expect(entry).toContain('20 november 2026');
    expect(entry).toContain('15 januari 2027');
    expect(entry).toContain('<td>20</td>');
    expect(entry).toContain('Demens, behöver tillsyn.');
    expect(entry).toMatch(/<td>Ja<\/td>/);
    expect(entry).toContain(`href="/cases/${id}"`);
    expect(offers.statusCode).toBe(200);
    const offer = /<td>18 januari 2027<\/td>[\s\S]*?<\/tr>/.exec(offers.body)?.[0] ?? '';
    expect(offer).toContain('Ekbackens särskilda boende, lägenhet 102');
    expect(offer).toContain('Sokande-A');
    expect(offer).toContain('Tackat nej');
    expect(offer).toContain('Vill bo närmare dottern i Solna.');
  });

  test('when someone wishes to change housing, then the waitlist shows them with their current unit and reason', async () => {
    // given
    t = await startTestApp();
    await deploy(t, 'byte-av-boende');
    const id = await start(t, 'enhetschef', 'byte-av-boende', {
      brukare: 'Brukare-50', lag: 'SoL', nuvarandeBoende: 'ekbacken', behovEllerOnskemal: 'onskemal', beskrivning: 'Vill bo nära sin make på Lindgården.',
    });
    const session = await signIn(t, 'revisor');
    // when
    const page = await getPage(t, session, '/housing/waitlist');
    // then
    expect(page.statusCode).toBe(200);
    const entry = /<th scope="row">Brukare-50<\/th>[\s\S]*?<\/tr>/.exec(page.body)?.[0] ?? '';
    expect(entry).toContain('<td>Ekbackens särskilda boende</td>');
    expect(entry).toContain('Önskemål: Vill bo nära sin make på Lindgården.');
    expect(entry).toContain('15 januari 2027');
    expect(entry).toContain(`href="/cases/${id}"`);
  });
});
