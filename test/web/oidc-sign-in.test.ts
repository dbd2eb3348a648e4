// OpenID Connect sign-in end to end: a real oidc-provider on a random localhost port, our app beside it, and the
// authorization code flow driven with plain HTTP through the provider's development login and consent forms.
import type { Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { browser, client, publicUrl, roleMap, signInAtProvider, startProvider } from './oidc-provider-kit.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('sign-in with OpenID Connect', () => {
  let provider: { issuer: string; server: Server };
  let dir: string;
  let t: TestApp | undefined;

  beforeAll(async () => {
    provider = await startProvider();
    dir = await mkdtemp(path.join(tmpdir(), 'bk-oidc-'));
    await writeFile(path.join(dir, 'oidc-roles.json'), JSON.stringify(roleMap));
  });
  afterAll(async () => {
    await new Promise((resolve) => provider.server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const oidcEnv = (overrides: Record<string, string> = {}) => ({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: client.client_id,
    OIDC_CLIENT_SECRET: client.client_secret,
    OIDC_ROLES_FILE: path.join(dir, 'oidc-roles.json'),
    OIDC_LABEL: 'Kommunens konto',
    PUBLIC_URL: publicUrl,
    ...overrides,
  });

  test('when a person in a mapped group signs in at the provider, then they land on the start page with the mapped role and only its pages', async () => {
    // given
    t = await startTestApp({ env: oidcEnv() });
    const b = browser(t);
    // when
    const callback = await signInAtProvider(b, 'anna');
    const landed = await b.request(callback.location!);
    const start = await b.request(landed.location!);
    const ivoReport = await b.request(`${publicUrl}/reports/ivo`);
    const statistics = await b.request(`${publicUrl}/statistics`);
    // then
    expect(landed.status).toBe(303);
    expect(landed.location).toBe(`${publicUrl}/`);
    expect(start.status).toBe(200);
    expect(start.body).toContain('Inloggad som <strong>anna.andersson</strong>');
    expect(ivoReport.status).toBe(200);
    expect(statistics.status).toBe(403);
    const stored = JSON.parse(await readFile(path.join(t.dataDir, 'oidc-users.json'), 'utf8'));
    expect(stored.users).toEqual([{ username: 'anna.andersson', name: 'Anna Andersson', roles: ['ivo-rapportor'], units: [] }]);
  });

  test('when an OIDC user signs out, then the provider ends its session too, so the next person at the computer must sign in there again', async () => {
    // given
    t = await startTestApp({ env: oidcEnv() });
    const b = browser(t);
    await b.request((await signInAtProvider(b, 'anna')).location!);
    const start = await b.request(`${publicUrl}/`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(start.body)![1]!;
    // when
    const signedOut = await b.request(`${publicUrl}/logout`, { method: 'POST', form: { _csrf: csrf } });
    const confirm = await b.follow(signedOut);
    const back = await b.follow(await b.submit(confirm, { logout: 'yes' }));
    const afterwards = await b.request(`${publicUrl}/`);
    const loginPage = await b.request(`${publicUrl}/login`);
    const link = /<a href="([^"]+)">Logga in med/.exec(loginPage.body)![1]!;
    const again = await b.follow(await b.request(`${publicUrl}${link.replaceAll('&#x3D;', '=')}`));
    // then
    expect(signedOut.status).toBe(303);
    expect(signedOut.location).toMatch(new RegExp(`^${provider.issuer}/session/end\\?`));
    expect(new URL(signedOut.location!).searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/login`);
    expect(back.url).toBe(`${publicUrl}/login`);
    expect(back.status).toBe(200);
    expect(afterwards.location).toMatch(/\/login/);
    expect(again.url.startsWith(provider.issuer)).toBe(true);
    expect(again.body).toMatch(/name="login"/);
  });

  test('when a password user signs out with OIDC configured, then they come back to the sign-in page, not to the provider', async () => {
    // given
    t = await startTestApp({ env: oidcEnv() });
    const b = browser(t);
    const loginPage = await b.request(`${publicUrl}/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(loginPage.body)![1]!;
    await b.request(`${publicUrl}/login`, { method: 'POST', form: { _csrf: csrf, username: 'enhetschef', password: 'demo' } });
    const start = await b.request(`${publicUrl}/`);
    // when
    const signedOut = await b.request(`${publicUrl}/logout`, { method: 'POST', form: { _csrf: /name="_csrf" value="([^"]+)"/.exec(start.body)![1]! } });
    // then
    expect(start.status).toBe(200);
    expect(signedOut.status).toBe(303);
    expect(signedOut.location).toBe(`${publicUrl}/login`);
  });

  test('when a signed-in OIDC user comes back after a restart, then the session still holds; a person of another group gets other pages', async () => {
    // given
    t = await startTestApp({ env: oidcEnv() });
    const b = browser(t);
    await b.request((await signInAtProvider(b, 'bertil')).location!);
    // when
    await t.restart();
    const start = await b.request(`${publicUrl}/`);
    const ivoReport = await b.request(`${publicUrl}/reports/ivo`);
    // then
    expect(start.status).toBe(200);
    expect(start.body).toContain('Inloggad som <strong>bertil</strong>');
    expect(ivoReport.status).toBe(403);
  });

  test('when the person is in no mapped group, then they are refused in Swedish and get no session', async () => {
    // given
    t = await startTestApp({ env: oidcEnv() });
    const b = browser(t);
    // when
    const refused = await b.request((await signInAtProvider(b, 'cecilia')).location!);
    const start = await b.request(`${publicUrl}/`);
    // then
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Du har ingen behörighet i Boendekoordination');
    expect(start.status).toBe(303);
    expect(start.location).toBe(`${publicUrl}/login`);
  });

  test('when the provider names a local user (admin), then the sign-in is refused and no one is signed in as that user', async () => {
    // given
    t = await startTestApp({ env: oidcEnv() });
    const b = browser(t);
    // when
    const refused = await b.request((await signInAtProvider(b, 'intrang')).location!);
    const start = await b.request(`${publicUrl}/`);
    // then
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('används redan av ett lokalt konto');
    expect(start.status).toBe(303);
  });

  test('when the state in the answer was changed, then it is refused, and the flow is spent so the real answer is refused too', async () => {
    // given
    t = await startTestApp({ env: oidcEnv() });
    const b = browser(t);
    const callback = new URL((await signInAtProvider(b, 'anna')).location!);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    // when
    const refused = await b.request(tampered.href);
    const replayed = await b.request(callback.href);
    const start = await b.request(`${publicUrl}/`);
    // then
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Inloggningen kunde inte slutföras');
    expect(replayed.status).toBe(400);
    expect(start.status).toBe(303);
    expect(start.location).toBe(`${publicUrl}/login`);
  });

  test('when OIDC is configured, then the sign-in page offers it and the password still signs in', async () => {
    // given
    t = await startTestApp({ env: oidcEnv() });
    const b = browser(t);
    // when
    const loginPage = await b.request(`${publicUrl}/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(loginPage.body)![1]!;
    const signedIn = await b.request(`${publicUrl}/login`, { method: 'POST', form: { _csrf: csrf, username: 'enhetschef', password: 'demo' } });
    // then
    expect(loginPage.body).toContain('Logga in med Kommunens konto');
    expect(signedIn.status).toBe(303);
    expect((await b.request(`${publicUrl}/`)).body).toContain('Inloggad som <strong>enhetschef</strong>');
  });

  test('when the provider cannot be reached at boot, then the app does not start and says which setting', async () => {
    // given
    const unreachable = oidcEnv({ OIDC_ISSUER: 'http://127.0.0.1:9' });
    // when
    const started = startTestApp({ env: unreachable });
    // then
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow(/OIDC_ISSUER="http:\/\/127\.0\.0\.1:9": leverantörens uppgifter/);
  });

  test('when the role map names an unknown role, then the app does not start and names the file and the value', async () => {
    // given
    const file = path.join(dir, 'oidc-roles-bad.json');
    await writeFile(file, JSON.stringify({ claim: 'groups', values: { 'boende-x': { roles: ['chef'] } } }));
    // when
    const started = startTestApp({ env: oidcEnv({ OIDC_ROLES_FILE: file }) });
    // then
    await expect(started).rejects.toThrow(/oidc-roles-bad\.json: values\.boende-x\.roles\.0/);
  });
});
