// Failed sign-ins counted per address and user name, for HTTP Basic as for the sign-in form: after ten in fifteen
// minutes that pair is refused until the window has passed, while a colleague behind the same address still gets in.
import { LRUCache } from 'lru-cache';
import { normalizeUsername } from '../../auth/index.js';
import { AppError } from '../../errors.js';

const maxFailures = 10;
const windowMs = 15 * 60_000;

export class SignInLimit {
  private readonly failures = new LRUCache<string, { count: number; since: number }>({ max: 100_000, ttl: windowMs });

  private key(address: string, username: string): string {
    return `${address}\u0000${normalizeUsername(username)}`;
  }

  /** Throws rate_limited when the pair has failed too often in the window. */
  check(address: string, username: string): void {
    const entry = this.failures.get(this.key(address, username));
    if (!entry || entry.count < maxFailures) return;
    const minutes = Math.max(1, Math.ceil((entry.since + windowMs - Date.now()) / 60_000));
    throw new AppError('rate_limited', `För många misslyckade inloggningar. Försök igen om ${minutes} minuter.`);
  }

  failed(address: string, username: string): void {
    const key = this.key(address, username);
    const entry = this.failures.get(key);
    // The window counts from the first failure: a steady trickle cannot keep it open for ever.
    this.failures.set(key, entry ? { count: entry.count + 1, since: entry.since } : { count: 1, since: Date.now() }, { ttl: entry ? Math.max(1, entry.since + windowMs - Date.now()) : windowMs });
  }
}
