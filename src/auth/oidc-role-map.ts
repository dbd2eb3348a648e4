// Which roles and units a person signed in with OpenID Connect holds: one claim's values (groups, app roles) mapped to
// our role ids and units in a file the municipality keeps (config/oidc-roles.json), checked when the server starts.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../config.js';
import { allRoles, type Role } from './roles.js';

const GrantSchema = z.strictObject({
  roles: z.array(z.enum(allRoles)).min(1, 'minst en roll'),
  units: z.array(z.string().trim().min(1).max(100)).default([]),
});

const OidcRoleMapSchema = z.strictObject({
  /** The claim to read, by its name in the ID token or the UserInfo answer (`groups`, `roles`, …). */
  claim: z.string().min(1),
  /** A claim value (a group's name or id) → the roles and units it gives. */
  values: z.record(z.string().min(1), GrantSchema).refine((values) => Object.keys(values).length > 0, 'minst ett värde'),
});

export type OidcRoleMap = z.infer<typeof OidcRoleMapSchema>;

/** What a person's claims give: every mapped value's roles and units together. */
export interface OidcGrant {
  roles: Role[];
  units: string[];
}

/** Reads and checks the mapping file; a missing or bad file stops the boot with a message naming it. */
export function loadOidcRoleMap(file: string): OidcRoleMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' ? ' – utgå från config/oidc-roles.example.json' : '';
    throw new ConfigError([`OIDC_ROLES_FILE=${JSON.stringify(file)}: filen kan inte läsas (${code ?? 'okänt fel'})${hint}.`]);
  }
  return parseOidcRoleMap(file, text);
}

export function parseOidcRoleMap(file: string, text: string): OidcRoleMap {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`${file}: är inte giltig JSON (${(error as Error).message}).`]);
  }
  const parsed = OidcRoleMapSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(hela filen)'}: ${issue.message}`));
  }
  return parsed.data;
}

/**
 * The roles and units the claims give, or null when none of the claim's values is in the map (the person may not
 * sign in). The claim may be one string or a list of strings, as providers send either.
 */
export function grantOf(map: OidcRoleMap, claims: Record<string, unknown>): OidcGrant | null {
  const claim = claims[map.claim];
  const values = typeof claim === 'string' ? [claim] : Array.isArray(claim) ? claim.filter((v): v is string => typeof v === 'string') : [];
  const grants = values.flatMap((value) => (Object.hasOwn(map.values, value) ? [map.values[value]!] : []));
  if (grants.length === 0) return null;
  return {
    roles: [...new Set(grants.flatMap((g) => g.roles))],
    units: [...new Set(grants.flatMap((g) => g.units))],
  };
}
