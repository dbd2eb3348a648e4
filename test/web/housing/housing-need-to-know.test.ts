// Need to know in the housing register (OSL 26 kap.): the queue's and waitlist's persons only for those with a part.
import { afterEach, describe, expect, test } from 'vitest';
import { getPage, signIn } from '../page-session.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { declinedOffer } from './housing-flows.js';

/** The register's own menu on a page, as the hrefs it links to. */
const subnavLinks = (body: string) => [.../<nav aria-label="Boenderegistrets sidor"[\s\S]*?<\/nav>/.exec(body)?.[0].matchAll(/href="([^"]+)"/g) ?? []].map((m) => m[1]);

describe('housing register need to know', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  test('when a fee officer asks for the queue or the waitlist, then page and API refuse with 403 and the menu has no link to them', async () => {
    // given
    t = await startTestApp();
    await declinedOffer(t);
    const session = await signIn(t, 'avgiftshandlaggare');
    // when
    const queuePage = await getPage(t, session, '/housing/queue');
    const waitlistPage = await getPage(t, session, '/housing/waitlist');
    const queueApi = await t.call('avgiftshandlaggare', { method: 'GET', url: '/api/housing/queue' });
    const waitlistApi = await t.call('avgiftshandlaggare', { method: 'GET', url: '/api/housing/waitlist' });
    const register = await getPage(t, session, '/housing');
    // then
    for (const page of [queuePage, waitlistPage]) {
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('Du har inte behörighet');
      expect(page.body).not.toContain('Sokande-A');
    }
    for (const answer of [queueApi, waitlistApi]) {
      expect(answer.statusCode).toBe(403);
      expect(answer.json()).toEqual({ error: 'forbidden', message: expect.stringContaining('behörighet') });
    }
    expect(register.statusCode).toBe(200);
    expect(subnavLinks(register.body)).toEqual(['/housing', '/housing/offers']);
  });

  test('when a fee officer reads the offers, then they see the apartment, the dates and the answer but not who, why or the case', async () => {
    // given
    t = await startTestApp();
    await declinedOffer(t);
    const session = await signIn(t, 'avgiftshandlaggare');
    // when
    const page = await getPage(t, session, '/housing/offers');
    const api = await t.call('avgiftshandlaggare', { method: 'GET', url: '/api/housing/offers' });
    // then
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ekbackens särskilda boende, lägenhet 102');
    expect(page.body).toContain('18 januari 2027');
    expect(page.body).toContain('Tackat nej');
    expect(page.body).not.toContain('Sokande-A');
    expect(page.body).not.toContain('Vill bo närmare dottern i Solna.');
    expect(page.body).not.toMatch(/href="\/cases\/[0-9a-f-]{36}"/);
    expect(api.statusCode).toBe(200);
    expect(api.json()).toEqual([{ id: expect.any(String), apartmentId: 'ekbacken-102', offerDate: expect.stringMatching(/^2027-01-18/), answer: 'nej', answeredAt: expect.stringMatching(/^2027-01-20/) }]);
  });

  test('when a fee officer reads the apartments, then no apartment says which queue place holds it; a housing coordinator sees that', async () => {
    // given
    t = await startTestApp();
    // when
    const feeOfficer = (await t.call('avgiftshandlaggare', { method: 'GET', url: '/api/housing/apartments' })).json();
    const coordinator = (await t.call('boendesamordnare', { method: 'GET', url: '/api/housing/apartments' })).json();
    // then
    expect(feeOfficer.length).toBeGreaterThan(0);
    expect(feeOfficer.filter((a: object) => 'queueEntryId' in a)).toEqual([]);
    expect(feeOfficer).toContainEqual(expect.objectContaining({ id: 'ekbacken-102', status: expect.any(String) }));
    expect(coordinator.every((a: object) => 'queueEntryId' in a)).toBe(true);
  });

  test('when a housing coordinator reads the queue and the offers, then the names, needs and reasons are there and every register page is linked', async () => {
    // given
    t = await startTestApp();
    await declinedOffer(t);
    const session = await signIn(t, 'boendesamordnare');
    // when
    const queuePage = await getPage(t, session, '/housing/queue');
    const queueApi = await t.call('boendesamordnare', { method: 'GET', url: '/api/housing/queue' });
    const offersApi = await t.call('boendesamordnare', { method: 'GET', url: '/api/housing/offers' });
    // then
    expect(queuePage.statusCode).toBe(200);
    expect(queuePage.body).toContain('Sokande-A');
    expect(queuePage.body).toContain('Demens, behöver tillsyn.');
    expect(subnavLinks(queuePage.body)).toEqual(['/housing', '/housing/queue', '/housing/offers', '/housing/waitlist']);
    expect(queueApi.json()).toContainEqual(expect.objectContaining({ applicant: 'Sokande-A', needs: 'Demens, behöver tillsyn.' }));
    expect(offersApi.json()).toEqual([expect.objectContaining({ queueEntryId: expect.any(String), reason: 'Vill bo närmare dottern i Solna.', instanceId: expect.any(String) })]);
  });

  test('when the offers and the waitlist are read with their persons, then each read is in the access log; offers read without persons are not', async () => {
    // given
    t = await startTestApp();
    await declinedOffer(t);
    const coordinator = await signIn(t, 'boendesamordnare');
    const feeOfficer = await signIn(t, 'avgiftshandlaggare');
    // when
    await getPage(t, coordinator, '/housing/offers');
    await getPage(t, coordinator, '/housing/waitlist');
    await t.call('boendesamordnare', { method: 'GET', url: '/api/housing/offers' });
    await t.call('boendesamordnare', { method: 'GET', url: '/api/housing/waitlist' });
    await getPage(t, feeOfficer, '/housing/offers');
    const log = await getPage(t, await signIn(t, 'revisor'), '/audit/access-log');
    // then
    expect(log.body.match(/Erbjudandena i boenderegistret \(med personerna\)/g)).toHaveLength(2);
    expect(log.body.match(/Väntelistan för byte av boende/g)).toHaveLength(2);
    expect(log.body).not.toMatch(/<td>avgiftshandlaggare<\/td>/);
  });
});
