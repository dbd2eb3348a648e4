import { afterEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test-app.js';
import { getPage as getRawPage, signIn } from '../page-session.js';
import { declinedOffer, deploy, start } from './housing-flows.js';

/** A register page with the phone layout's cell labels (data-label) left out, so the tests read the table as such. */
async function getPage(...args: Parameters<typeof getRawPage>) {
  const page = await getRawPage(...args);
  return { statusCode: page.statusCode, headers: page.headers, body: page.body.replace(/ data-label="[^"]*"/g, '') };
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
