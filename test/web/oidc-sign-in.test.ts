// OpenID Connect sign-in end to end: a real oidc-provider on a random localhost port, our app beside it, and the
// authorization code flow driven with plain HTTP through the provider's development login and consent forms.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Provider from 'oidc-provider';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Where the app believes it is served; requests there go to the app through inject. */
const publicUrl = 'http://boende.test';
const client = { client_id: 'boendekoordination', client_secret: 'provets-hemlighet' };

/** The provider's people: what findAccount answers for the login name typed into its form. */
const accounts: Record<string, Record<string, unknown>> = {
  anna: { preferred_username: 'Anna.Andersson', name: 'Anna Andersson', groups: ['boende-ivo-rapportor', 'personalklubben'] },
  bertil: { preferred_username: 'bertil', name: 'Bertil Berg', groups: ['boende-lss-handlaggare'] },
  cecilia: { preferred_username: 'cecilia', name: 'Cecilia Ceder', groups: ['personalklubben'] },
  intrang: { preferred_username: 'admin', name: 'Inte administratören', groups: ['boende-lss-handlaggare'] },
};

const roleMap = {
  claim: 'groups',
  values: {
    'boende-ivo-rapportor': { roles: ['ivo-rapportor'] },
    'boende-lss-handlaggare': { roles: ['lss-handlaggare'] },
  },
};

/** Starts oidc-provider on 127.0.0.1 with one confidential client whose redirect URI is the app's /login. */
async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ ...client, redirect_uris: [`${publicUrl}/login`], response_types: ['code'], grant_types: ['authorization_code'] }],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'groups'] },
    cookies: { keys: ['provets-cookie-nyckel'] },
    async findAccount(_ctx, id) {
      const claims = accounts[id];
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
  });
  server.on('request', provider.callback());
  return { issuer, server };
}

interface Page {
  status: number;
  url: string;
  body: string;
  location?: string;
}

/**
 * A browser as far as this flow needs one: a cookie jar per origin, redirects followed one by one, the app reached
 * through inject at `publicUrl` and the provider over the network.
 */
function browser(t: TestApp) {
  const jars = new Map<string, Map<string, string>>();
  const jar = (origin: string) => jars.get(origin) ?? jars.set(origin, new Map()).get(origin)!;

  function keep(origin: string, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const gone = value === '' || attributes.some((a) => /^\s*max-age=0$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (gone) jar(origin).delete(name);
      else jar(origin).set(name, value);
    }
  }

  async function request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page> {
    const target = new URL(url);
    const cookie = [...jar(target.origin)].map(([name, value]) => `${name}=${value}`).join('; ');
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) };
    if (target.origin === publicUrl) {
      const res = await t.app.inject({ method: (init.method ?? 'GET') as 'GET', url: target.pathname + target.search, headers, ...(body ? { payload: body } : {}) });
      keep(target.origin, [res.headers['set-cookie'] ?? []].flat());
      return { status: res.statusCode, url, body: res.body, ...(res.headers.location ? { location: new URL(String(res.headers.location), url).href } : {}) };
    }
    const res = await fetch(url, { method: init.method ?? 'GET', headers, redirect: 'manual', ...(body ? { body } : {}) });
    keep(target.origin, res.headers.getSetCookie());
    const location = res.headers.get('location');
    return { status: res.status, url, body: await res.text(), ...(location ? { location: new URL(location, url).href } : {}) };
  }

  /** Follows redirects until a page answers, but stops at the app's callback so a test may look at it first. */
  async function follow(page: Page, stopAtCallback = false): Promise<Page> {
    let current = page;
    for (let hops = 0; current.location && hops < 20; hops++) {
      if (stopAtCallback && current.location.startsWith(`${publicUrl}/login?`) && new URL(current.location).searchParams.has('state')) return current;
      current = await request(current.location);
    }
    return current;
  }

  /** Submits the page's one form with its hidden fields and `fields`. */
  async function submit(page: Page, fields: Record<string, string>): Promise<Page> {
    const action = /<form[^>]*action="([^"]+)"/.exec(page.body)?.[1];
    if (!action) throw new Error(`no form on ${page.url}: ${page.body.slice(0, 200)}`);
    const hidden = Object.fromEntries([...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    return request(new URL(action, page.url).href, { method: 'POST', form: { ...hidden, ...fields } });
  }

  return { request, follow, submit };
}

/** Clicks "Logga in med …", signs in at the provider as `login`, consents, and stops at the redirect to the app. */
async function signInAtProvider(b: ReturnType<typeof browser>, login: string): Promise<Page> {
  const loginPage = await b.request(`${publicUrl}/login`);
  const link = /<a href="([^"]+)">Logga in med/.exec(loginPage.body)?.[1];
  if (!link) throw new Error('the sign-in page has no OIDC link');
  const providerLogin = await b.follow(await b.request(`${publicUrl}${link.replaceAll('&#x3D;', '=')}`));
  const consent = await b.follow(await b.submit(providerLogin, { login, password: 'vad-som-helst' }), true);
  if (consent.location) return consent; // no consent asked
  return b.follow(await b.submit(consent, {}), true);
}

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
