// The people who signed in through OpenID Connect, with the roles and units their claims gave at their last sign-in,
// beside the local users: sessions name only a user, so the pages find them here on every request. Kept in
// DATA_DIR/oidc-users.json (0600) so that a restart neither signs them out nor drops them from the forms' user lists.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Mutex } from 'async-mutex';
import { z } from 'zod';
import type { Actor } from './actor.js';
import { allRoles, type Role } from './roles.js';
import { writeUserFile } from './user-file.js';
import type { UserDirectory } from './users.js';

const OidcUserSchema = z.object({
  username: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(z.enum(allRoles)).min(1),
  units: z.array(z.string()),
});
const OidcUserFileSchema = z.object({ users: z.array(OidcUserSchema) });

/** A person as their provider's claims describe them at sign-in. */
export type OidcUser = z.infer<typeof OidcUserSchema>;

/** The local users and those signed in through OIDC, as one directory. */
export interface OidcUserDirectory extends UserDirectory {
  /** True when a local user (users.json or a demo user) has the name: an OIDC sign-in may not take it over. */
  isLocal(username: string): boolean;
  /** Stores what this sign-in's claims gave; resolves once it is on disk, before the session is made. */
  remember(user: OidcUser): Promise<void>;
}

export function oidcUsersFilePath(dataDir: string): string {
  return path.join(dataDir, 'oidc-users.json');
}

/**
 * Adds the OIDC users of `file` to the local directory. A local user wins on a shared name, so a user added with
 * `npm run users` is never changed by a provider; passwords are only ever checked against local users.
 */
export function withOidcUsers(local: UserDirectory, file: string): OidcUserDirectory {
  const users = new Map(readOidcUsers(file).map((u) => [u.username, u] as const));
  const writing = new Mutex();
  const isLocal = (username: string) => local.find(username) !== null;
  const toActor = (user: OidcUser): Actor => ({ username: user.username, roles: [...user.roles], units: [...user.units] });

  return {
    find(username) {
      const found = local.find(username);
      if (found) return found;
      const user = users.get(username);
      return user ? toActor(user) : null;
    },
    authenticate: (username, password) => local.authenticate(username, password),
    withRole(role) {
      const oidc = [...users.values()]
        .filter((user) => !isLocal(user.username) && (user.roles as readonly string[]).includes(role))
        .map((user) => ({ username: user.username, name: user.name, units: [...user.units] }));
      return [...local.withRole(role), ...oidc].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    },
    isLocal,
    remember(user) {
      return writing.runExclusive(async () => {
        const before = users.get(user.username);
        if (before && JSON.stringify(before) === JSON.stringify(user)) return;
        users.set(user.username, { ...user, roles: [...user.roles] as Role[], units: [...user.units] });
        await writeUserFile(file, [...users.values()]);
      });
    },
  };
}

/** The stored OIDC users; none without a file. A file that does not parse stops the boot. */
function readOidcUsers(file: string): OidcUser[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const parsed = OidcUserFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} kan inte läsas: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.users;
}
