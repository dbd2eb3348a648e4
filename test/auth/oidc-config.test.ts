// Unit tests of the OpenID Connect settings in the configuration: all or none, https, and the redirect URI.
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const complete = {
  OIDC_ISSUER: 'https://login.kommun.se/realms/personal',
  OIDC_CLIENT_ID: 'boendekoordination',
  OIDC_CLIENT_SECRET: 'hemligt',
  PUBLIC_URL: 'https://boende.kommun.se',
};

describe('loadConfig with OpenID Connect', () => {
  test('when the issuer, the client and PUBLIC_URL are set, then the provider sends people back to /login with the openid scope', () => {
    // when
    const config = loadConfig({ ...complete, OIDC_SCOPES: 'profile groups' });
    // then
    expect(config.oidc).toEqual({
      issuer: complete.OIDC_ISSUER,
      clientId: 'boendekoordination',
      clientSecret: 'hemligt',
      redirectUri: 'https://boende.kommun.se/login',
      scopes: 'openid profile groups',
      rolesFile: './config/oidc-roles.json',
      label: 'organisationens inloggning',
    });
  });

  test('when none is set, then there is no OIDC sign-in', () => {
    // then
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  test('when only some are set, then the boot stops naming the missing ones', () => {
    // when
    const load = () => loadConfig({ OIDC_ISSUER: complete.OIDC_ISSUER, OIDC_CLIENT_ID: 'x' });
    // then
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/OIDC_CLIENT_SECRET="": behövs för inloggning med OpenID Connect/);
    expect(load).toThrow(/PUBLIC_URL="": behövs/);
  });

  test('when the issuer is plain http on another machine or PUBLIC_URL has a path, then the boot stops', () => {
    // then
    expect(() => loadConfig({ ...complete, OIDC_ISSUER: 'http://login.kommun.se' })).toThrow(/OIDC_ISSUER måste använda https/);
    expect(() => loadConfig({ ...complete, PUBLIC_URL: 'https://kommun.se/boende' })).toThrow(/PUBLIC_URL får bara ha schema, värd och port/);
    expect(loadConfig({ ...complete, OIDC_ISSUER: 'http://localhost:8080' }).oidc?.issuer).toBe('http://localhost:8080');
  });
});
