// Test helper: the Authorization header of HTTP Basic for a user.

/** `Basic base64(username:password)`; demo users have the password `demo`. */
export function basic(username: string, password = 'demo'): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
