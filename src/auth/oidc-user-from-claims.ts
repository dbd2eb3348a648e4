// Who a person signed in with OpenID Connect is here: their user name, display name, roles and units, from the claims.
import { type OidcRoleMap, grantOf } from './oidc-role-map.js';
import type { OidcUser } from './oidc-users.js';
import { normalizeUsername } from './password.js';

/** Why a person the provider vouched for may still not sign in. */
export type OidcRefusal = 'no_role' | 'local_name' | 'bad_username';

/**
 * The user the claims describe, or why they may not sign in: no mapped role; a name a local user has (a provider
 * must not take over `admin`); or no usable name. The name is `preferred_username`, else the provider's `sub`.
 */
export function oidcUserFromClaims(
  claims: Record<string, unknown>,
  map: OidcRoleMap,
  isLocal: (username: string) => boolean,
): { user: OidcUser } | { refused: OidcRefusal } {
  const preferred = typeof claims.preferred_username === 'string' ? claims.preferred_username : '';
  const username = normalizeUsername(preferred.trim() !== '' ? preferred : String(claims.sub ?? ''));
  // Shown on every page and kept in the history: no spaces, no control characters, a sensible length.
  if (!/^[^\s\p{C}]{1,100}$/u.test(username)) return { refused: 'bad_username' };
  const grant = grantOf(map, claims);
  if (!grant) return { refused: 'no_role' };
  if (isLocal(username)) return { refused: 'local_name' };
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 200) : username;
  return { user: { username, name, roles: grant.roles, units: grant.units } };
}
