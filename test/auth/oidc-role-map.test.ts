// Unit tests of mapping an OpenID Connect claim to roles and units, and of the user a sign-in's claims describe.
import { describe, expect, test } from 'vitest';
import { grantOf, oidcUserFromClaims, parseOidcRoleMap } from '../../src/auth/index.js';
import { ConfigError } from '../../src/config.js';

const map = parseOidcRoleMap(
  'oidc-roles.json',
  JSON.stringify({
    claim: 'groups',
    values: {
      'boende-lss': { roles: ['lss-handlaggare'] },
      'boende-enhetschef-ekbacken': { roles: ['enhetschef'], units: ['ekbacken'] },
      'boende-enhetschef-lindgarden': { roles: ['enhetschef'], units: ['lindgarden'] },
    },
  }),
);

const nobodyLocal = () => false;

describe('grantOf', () => {
  test('when the claim holds several mapped values, then their roles and units are joined without repeats', () => {
    // given
    const claims = { groups: ['boende-enhetschef-ekbacken', 'boende-enhetschef-lindgarden', 'boende-lss', 'fikaklubben'] };
    // when
    const grant = grantOf(map, claims);
    // then
    expect(grant).toEqual({ roles: ['enhetschef', 'lss-handlaggare'], units: ['ekbacken', 'lindgarden'] });
  });

  test('when the claim is one string, then it is read as one value', () => {
    // when
    const grant = grantOf(map, { groups: 'boende-lss' });
    // then
    expect(grant).toEqual({ roles: ['lss-handlaggare'], units: [] });
  });

  test('when no value is mapped, the claim is missing or it names an object property, then nothing is granted', () => {
    // then
    expect(grantOf(map, { groups: ['fikaklubben'] })).toBeNull();
    expect(grantOf(map, {})).toBeNull();
    expect(grantOf(map, { groups: ['constructor', 'toString'] })).toBeNull();
    expect(grantOf(map, { roles: ['boende-lss'] })).toBeNull();
  });
});

describe('parseOidcRoleMap', () => {
  test('when a value names a role that does not exist, then the error names the file and the place', () => {
    // given
    const text = JSON.stringify({ claim: 'groups', values: { 'boende-x': { roles: ['chef'] } } });
    // when
    const parse = () => parseOidcRoleMap('config/oidc-roles.json', text);
    // then
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/config\/oidc-roles\.json: values\.boende-x\.roles\.0/);
  });

  test('when the file is not JSON, has no values or a misspelt key, then it is refused', () => {
    // then
    expect(() => parseOidcRoleMap('f.json', '{ claim: ')).toThrow(/f\.json: är inte giltig JSON/);
    expect(() => parseOidcRoleMap('f.json', JSON.stringify({ claim: 'groups', values: {} }))).toThrow(/values: minst ett värde/);
    expect(() => parseOidcRoleMap('f.json', JSON.stringify({ claim: 'groups', values: { g: { roles: ['admin'], unit: ['x'] } } }))).toThrow(/f\.json: values\.g/);
  });
});

describe('oidcUserFromClaims', () => {
  test('when preferred_username is given, then it is the user name in lower case and the name claim the display name', () => {
    // given
    const claims = { sub: 'a1b2', preferred_username: ' Anna.Andersson@Kommun.se ', name: 'Anna Andersson', groups: ['boende-lss'] };
    // when
    const outcome = oidcUserFromClaims(claims, map, nobodyLocal);
    // then
    expect(outcome).toEqual({ user: { username: 'anna.andersson@kommun.se', name: 'Anna Andersson', roles: ['lss-handlaggare'], units: [] } });
  });

  test('when there is no preferred_username, then the subject is the user name and the display name', () => {
    // when
    const outcome = oidcUserFromClaims({ sub: 'A1B2', groups: ['boende-lss'] }, map, nobodyLocal);
    // then
    expect(outcome).toEqual({ user: { username: 'a1b2', name: 'a1b2', roles: ['lss-handlaggare'], units: [] } });
  });

  test('when no group is mapped, a local user has the name, or the name has a space, then the sign-in is refused with the reason', () => {
    // then
    expect(oidcUserFromClaims({ sub: 'x', groups: ['fikaklubben'] }, map, nobodyLocal)).toEqual({ refused: 'no_role' });
    expect(oidcUserFromClaims({ sub: 'x', preferred_username: 'Admin', groups: ['boende-lss'] }, map, (u) => u === 'admin')).toEqual({ refused: 'local_name' });
    expect(oidcUserFromClaims({ sub: 'x', preferred_username: 'anna andersson', groups: ['boende-lss'] }, map, nobodyLocal)).toEqual({ refused: 'bad_username' });
  });
});
