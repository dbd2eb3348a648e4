// The local users and their roles; with DEMO=1 one demo user per role, otherwise none yet.
import { randomBytes } from 'node:crypto';
import type { Actor } from './actor.js';
import { allRoles, roleNames, type Role } from './roles.js';
import { hashPassword, verifyPassword } from './password.js';

/** The password of every demo user (listed in the README); demo users exist only with DEMO=1. */
export const demoPassword = 'demo';

/** A local user: the roles it holds and its argon2id password hash. */
export interface User {
  username: string;
  /** What people call the user, shown wherever someone picks or sees a user. */
  name: string;
  roles: Role[];
  passwordHash: string;
}

/** Looks users up and checks their passwords. */
export interface UserDirectory {
  /** The actor for a known user, or null; roles are read fresh on every call. */
  find(username: string): Actor | null;
  /** The actor when username and password match a user, otherwise null. Slow by design (argon2). */
  authenticate(username: string, password: string): Promise<Actor | null>;
  /** The users holding `role`, by name: who a form's user field offers. */
  withRole(role: string): { username: string; name: string }[];
}

/**
 * Builds the directory. With `demo` it holds one user per role of API.md named after the role (`enhetschef`,
 * `processagare`, …, `admin`), each with only that role and the password `demo`. Without `demo` it is empty:
 * nobody can sign in until user management arrives (a later issue).
 */
export async function createUserDirectory(options: { demo: boolean }): Promise<UserDirectory> {
  const users = new Map<string, User>();
  let decoyHash: string;
  if (options.demo) {
    // One hash for all demo users: hashing is slow on purpose, and they share the password anyway.
    const passwordHash = await hashPassword(demoPassword);
    for (const role of allRoles) users.set(role, { username: role, name: `${roleNames[role]} (demo)`, roles: [role], passwordHash });
    decoyHash = passwordHash;
  } else {
    decoyHash = await hashPassword(randomBytes(16).toString('hex'));
  }
  return directoryOf(users, decoyHash);
}

function directoryOf(users: Map<string, User>, decoyHash: string): UserDirectory {
  const toActor = (user: User): Actor => ({ username: user.username, roles: [...user.roles] });
  return {
    find(username) {
      const user = users.get(username);
      return user ? toActor(user) : null;
    },
    async authenticate(username, password) {
      const user = users.get(username);
      // An unknown name costs as much as a wrong password, so timing does not tell which names exist.
      const ok = await verifyPassword(user?.passwordHash ?? decoyHash, password);
      return user && ok ? toActor(user) : null;
    },
    withRole(role) {
      return [...users.values()]
        .filter((user) => (user.roles as readonly string[]).includes(role))
        .map((user) => ({ username: user.username, name: user.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    },
  };
}
