// Failed sign-ins counted per address and user name, for HTTP Basic as for the sign-in form: after ten in fifteen
// minutes that pair is refused until the window has passed, while a colleague behind the same address still gets in.
import { LRUCache } from 'lru-cache';
import { maxSignInFailures, normalizeUsername, type SharedSignInFailures, type SignInFailure, signInWindowMs } from '../../auth/index.js';
import { AppError } from '../../errors.js';


export class SignInLimit {
  private readonly failures = new LRUCache<string, SignInFailure>({ max: 100_000, ttl: signInWindowMs });

  constructor(private readonly shared: SharedSignInFailures | null = null) {
    shared?.onLearned((all) => {
      for (const [key, failure] of Object.entries(all)) this.learn(key, failure);
    });
  }

  private key(address: string, username: string): string {
    return `${address}\u0000${normalizeUsername(username)}`;
  }

  /** Throws rate_limited when the pair has failed too often in the window. */
  check(address: string, username: string): void {
    const entry = this.failures.get(this.key(address, username));
    if (!entry || entry.count < maxSignInFailures) return;
    const minutes = Math.max(1, Math.ceil((entry.since + signInWindowMs - Date.now()) / 60_000));
    throw new AppError('rate_limited', `För många misslyckade inloggningar. Försök igen om ${minutes} minuter.`);
  }

  /** Counts the failure; resolves once the other servers can see it (at once on one server). */
  async failed(address: string, username: string): Promise<void> {
    const key = this.key(address, username);
    const entry = this.failures.get(key);
    // The window counts from the first failure: a steady trickle cannot keep it open for ever.
    const failure = entry ? { count: entry.count + 1, since: entry.since } : { count: 1, since: Date.now() };
    this.failures.set(key, failure, { ttl: Math.max(1, failure.since + signInWindowMs - Date.now()) });
    // Told to the other servers before the refusal is answered (a guesser waits for it); a failure to tell them leaves
    // this server's count.
    await this.shared?.record(key).catch(() => undefined);
  }

  /** The count all servers made for the pair: the higher of it and this server's holds, from the earlier first failure. */
  private learn(key: string, failure: SignInFailure): void {
    if (!Number.isFinite(failure.count) || !Number.isFinite(failure.since) || failure.since + signInWindowMs <= Date.now()) return;
    const entry = this.failures.get(key);
    if (entry && entry.count >= failure.count) return;
    const since = Math.min(failure.since, entry?.since ?? failure.since);
    this.failures.set(key, { count: failure.count, since }, { ttl: Math.max(1, since + signInWindowMs - Date.now()) });
  }
}
