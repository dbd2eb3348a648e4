// Password hashing with argon2id (the library's default algorithm and OWASP's recommended cost).
import { hash, verify } from '@node-rs/argon2';
import { Semaphore } from 'async-mutex';

/**
 * argon2 runs on libuv's thread pool (4 threads), where the store's file writes run too: a flood of password checks
 * would starve the writes. At most two hash or verify at once; the rest wait their turn here, not in the pool.
 */
const hashing = new Semaphore(2);

/** A user name as limits and look-ups count it: " Admin " and "admin" are the same person. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/**
 * Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). Deliberately slow (tens of ms);
 * the salt is random, so the same password hashes differently each time.
 */
export async function hashPassword(password: string): Promise<string> {
  // The library's `Algorithm` is a const enum that is undefined at run time under esbuild/tsx; its default is argon2id.
  return hashing.runExclusive(() => hash(password));
}

/** True when the password matches the stored hash; false also for a hash that cannot be read. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashing.runExclusive(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}
