// Instance ids and process keys become file names, so only a safe, short alphabet is accepted.

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** Throws unless `name` is 1–100 characters of A–Z, a–z, 0–9, `_` and `-`, starting with a letter or digit. */
export function assertSafeName(name: unknown, what: string): asserts name is string {
  if (typeof name !== 'string' || !SAFE_NAME.test(name)) {
    throw new Error(
      `Ogiltigt ${what}: ${JSON.stringify(String(name)).slice(0, 120)} ` +
        '(only A–Z, a–z, 0–9, _ and -, at most 100 characters, starting with a letter or digit)',
    );
  }
}
