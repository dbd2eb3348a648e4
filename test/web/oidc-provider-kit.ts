// Test kit for OpenID Connect sign-in: a real oidc-provider with one client and four people, and a browser that drives
// the authorization code flow with plain HTTP (the app through inject, the provider over the network).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { TestApp } from './test-app.js';

/** Where the app believes it is served; requests there go to the app through inject. */
export const publicUrl = 'http://boende.test';
export const client = { client_id: 'boendekoordination', client_secret: 'provets-hemlighet' };

/** The provider's people: what findAccount answers for the login name typed into its form. */
const accounts: Record<string, Record<string, unknown>> = {
  anna: { preferred_username: 'Anna.Andersson', name: 'Anna Andersson', groups: ['boende-ivo-rapportor', 'personalklubben'] },
  bertil: { preferred_username: 'bertil', name: 'Bertil Berg', groups: ['boende-lss-handlaggare'] },
  cecilia: { preferred_username: 'cecilia', name: 'Cecilia Ceder', groups: ['personalklubben'] },
  intrang: { preferred_username: 'admin', name: 'Inte administratören', groups: ['boende-lss-handlaggare'] },
};

export const roleMap = {
  claim: 'groups',
  values: {
    'boende-ivo-rapportor': { roles: ['ivo-rapportor'] },
    'boende-lss-handlaggare': { roles: ['lss-handlaggare'] },
  },
};

/** Starts oidc-provider on 127.0.0.1 with one confidential client whose redirect URI is the app's /login. */
export async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ ...client, redirect_uris: [`${publicUrl}/login`], post_logout_redirect_uris: [`${publicUrl}/login`], response_types: ['code'], grant_types: ['authorization_code'] }],
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

export interface Page {
  status: number;
  url: string;
  body: string;
  location?: string;
}

/**
 * A browser as far as this flow needs one: a cookie jar per origin, redirects followed one by one, the app reached
 * through inject at `publicUrl` and the provider over the network.
 */
export function browser(t: TestApp) {
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
export async function signInAtProvider(b: ReturnType<typeof browser>, login: string): Promise<Page> {
  const loginPage = await b.request(`${publicUrl}/login`);
  const link = /<a href="([^"]+)">Logga in med/.exec(loginPage.body)?.[1];
  if (!link) throw new Error('the sign-in page has no OIDC link');
  const providerLogin = await b.follow(await b.request(`${publicUrl}${link.replaceAll('&#x3D;', '=')}`));
  const consent = await b.follow(await b.submit(providerLogin, { login, password: 'vad-som-helst' }), true);
  if (consent.location) return consent; // no consent asked
  return b.follow(await b.submit(consent, {}), true);
}
