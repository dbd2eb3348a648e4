// How many failed sign-ins a user name gets from one address, and in what window: counted by the web, shared between
// servers by the runtime, one rule for both.
export const maxSignInFailures = 10;
export const signInWindowMs = 15 * 60_000;

/** A pair's failures: how many, and when the first of the window was (ms since the epoch). */
export interface SignInFailure {
  count: number;
  since: number;
}

/** Several servers on one database: the failures every server counted, added to and learned from the store. */
export interface SharedSignInFailures {
  /** Adds one failure to the pair's count kept for all servers. */
  record(key: string): Promise<void>;
  onLearned(listener: (all: Record<string, SignInFailure>) => void): void;
}
