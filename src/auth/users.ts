// The users and their roles: the municipality's own from DATA_DIR/users.json (`npm run users`), and with DEMO=1 one
// demo user per role.
import { randomBytes } from 'node:crypto';
import type { Actor } from './actor.js';
import { allRoles, roleNames, type Role } from './roles.js';
import { hashPassword, normalizeUsername, verifyPassword } from './password.js';
import { readUserFile, userFileVersion } from './user-file.js';

/** The password of every demo user (listed in the README); demo users exist only with DEMO=1. */
export const demoPassword = 'demo';

/** A local user: the roles it holds and its argon2id password hash. */
export interface User {
  username: string;
  /** The units the user works for (a boende, a provider); empty when not tied to one. */
  units: string[];
  /** What people call the user, shown wherever someone picks or sees a user. */
  name: string;
  roles: Role[];
  passwordHash: string;
}

/**
 * Demo users tied to a unit: two enhetschefer of different boenden and two LOV providers of boendestöd. Work
 * addressed to a unit reaches only its own people; the demo users named after a role are tied to none.
 */
export const unitDemoUsers: readonly Omit<User, 'passwordHash'>[] = [
  { username: 'enhetschef-ekbacken', name: 'Enhetschef Ekbacken (demo)', roles: ['enhetschef'], units: ['ekbacken'] },
  { username: 'enhetschef-lindgarden', name: 'Enhetschef Lindgården (demo)', roles: ['enhetschef'], units: ['lindgarden'] },
  { username: 'utforare-stod-i-vardagen', name: 'Stöd i Vardagen AB (demo)', roles: ['utforare'], units: ['lov-stod-i-vardagen'] },
  { username: 'utforare-vardagsstod', name: 'Vardagsstöd AB (demo)', roles: ['utforare'], units: ['lov-vardagsstod'] },
];

/** Looks users up and checks their passwords. */
export interface UserDirectory {
  /** The actor for a known user, or null; roles are read fresh on every call. */
  find(username: string): Actor | null;
  /** The actor when username and password match a user, otherwise null. Slow by design (argon2). */
  authenticate(username: string, password: string): Promise<Actor | null>;
  /** The users holding `role`, by name: who a form's user field offers. */
  withRole(role: string): { username: string; name: string; units: string[] }[];
}

/**
 * Builds the directory: the users of `usersFile` (added with `npm run users`), and with `demo` one user per role of
 * API.md named after the role (`enhetschef`, `processagare`, …, `admin`), each with only that role and the password
 * `demo`. A name given to the file's user and a demo user is the file's.
 */
export async function createUserDirectory(options: { demo: boolean; usersFile?: string }): Promise<UserDirectory> {
  const demoUsers = new Map<string, User>();
  let decoyHash: string;
  if (options.demo) {
    // One hash for all demo users: hashing is slow on purpose, and they share the password anyway.
    const passwordHash = await hashPassword(demoPassword);
    for (const role of allRoles) demoUsers.set(role, { username: role, name: `${roleNames[role]} (demo)`, roles: [role], units: [], passwordHash });
    for (const user of unitDemoUsers) demoUsers.set(user.username, { ...user, roles: [...user.roles], units: [...user.units], passwordHash });
    decoyHash = passwordHash;
  } else {
    decoyHash = await hashPassword(randomBytes(16).toString('hex'));
  }
  return directoryOf(userSource(demoUsers, options.usersFile), decoyHash);
}

/** The demo users and the file's (the file's win on a shared name), the file looked at again at most once a second. */
function userSource(demoUsers: Map<string, User>, usersFile: string | undefined): () => Map<string, User> {
  let merged = demoUsers;
  let version = -1;
  let lookedAt = 0;
  return () => {
    if (!usersFile || Date.now() - lookedAt < 1000) return merged;
    lookedAt = Date.now();
    const now = userFileVersion(usersFile);
    if (now !== version) {
      version = now;
      merged = new Map([...demoUsers, ...readUserFile(usersFile).map((u) => [u.username, u] as const)]);
    }
    return merged;
  };
}

function directoryOf(current: () => Map<string, User>, decoyHash: string): UserDirectory {
  const toActor = (user: User): Actor => ({ username: user.username, roles: [...user.roles], units: [...user.units] });
  return {
    find(username) {
      const user = current().get(username);
      return user ? toActor(user) : null;
    },
    async authenticate(username, password) {
      const user = current().get(normalizeUsername(username));
      // An unknown name costs as much as a wrong password, so timing does not tell which names exist.
      const ok = await verifyPassword(user?.passwordHash ?? decoyHash, password);
      return user && ok ? toActor(user) : null;
    },
    withRole(role) {
      return [...current().values()]
        .filter((user) => (user.roles as readonly string[]).includes(role))
        .map((user) => ({ username: user.username, name: user.name, units: [...user.units] }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    },
  };
}
