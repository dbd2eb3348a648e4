// Sign-in sessions in an encrypted, httpOnly, SameSite=Strict cookie; the key comes from SESSION_KEY or DATA_DIR.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import secureSession from '@fastify/secure-session';
import { sharedPlugin } from './shared-plugin.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    username: string;
    /** This sign-in's id; signing out revokes it, so the cookie stops working at once. */
    sid: string;
    /** Where to go after signing in. */
    next: string;
  }
}

export interface SessionOptions extends Record<string, unknown> {
  dataDir: string;
  sessionKey: string | null;
  cookieSecure: boolean;
}

/** A signed-in session lasts a working day. */
const sessionSeconds = 8 * 60 * 60;

declare module 'fastify' {
  interface FastifyInstance {
    /** Sign-ins that were signed out before their cookie expires (kept for the cookie's lifetime, in memory). */
    revokedSessions: RevokedSessions;
  }
}

/**
 * The session lives in the cookie, so signing out also remembers the sign-in's id until the cookie would have expired.
 * Kept in memory: one server process owns the data directory; after a restart the session key still binds the cookie.
 */
export class RevokedSessions {
  private readonly until = new Map<string, number>();

  revoke(sid: string): void {
    this.until.set(sid, Date.now() + sessionSeconds * 1000);
    for (const [id, expires] of this.until) if (expires < Date.now()) this.until.delete(id);
  }

  isRevoked(sid: string | undefined): boolean {
    return sid === undefined || (this.until.get(sid) ?? 0) > Date.now();
  }
}

/** The signed-in user of the request's session, unless it was signed out. */
export function sessionUsername(request: import('fastify').FastifyRequest): string | undefined {
  const session = (request as { session?: { get(key: 'username' | 'sid'): string | undefined } }).session;
  const username = session?.get('username');
  if (!username || request.server.revokedSessions.isRevoked(session?.get('sid'))) return undefined;
  return username;
}

export const sessionPlugin = sharedPlugin<SessionOptions>('session', async (app, options) => {
  app.decorate('revokedSessions', new RevokedSessions());
  await app.register(secureSession, {
    key: await sessionKey(options),
    // __Host- binds the cookie to this host and path /, and requires Secure.
    cookieName: options.cookieSecure ? '__Host-boendekoordination' : 'boendekoordination',
    expiry: sessionSeconds,
    cookie: { path: '/', httpOnly: true, secure: options.cookieSecure, sameSite: 'strict', maxAge: sessionSeconds },
  });
});

/** The configured key, or one made at the first start and kept (0600) in the data directory. */
async function sessionKey({ dataDir, sessionKey: configured }: SessionOptions): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'hex');
  const file = path.join(dataDir, 'session.key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}
