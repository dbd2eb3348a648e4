// Sign-in sessions in an encrypted, httpOnly, SameSite=Lax cookie; the key comes from SESSION_KEY or DATA_DIR. Lax, so
// a link from Outlook on the web, Teams or the intranet opens the page signed in (the CSRF token guards every post). A
// sign-in lasts a working day from the last "stay signed in"; the cookie outlives it by a week so that a form sent
// after the sign-in ran out can still be kept for the same person (page-auth.ts).
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
    /** When this sign-in ends (ms since the epoch), unless the person chooses to stay signed in. */
    signedInUntil: number;
    /** A form sent after the sign-in ended, kept to be restored once the same person signs in (pending-drafts.ts). */
    pendingDraft: string;
  }
}

export interface SessionOptions extends Record<string, unknown> {
  dataDir: string;
  signOuts: SignOutStore;
  sessionKey: string | null;
  cookieSecure: boolean;
}

/** A sign-in lasts a working day; "Fortsätt vara inloggad" starts another. */
export const signInSeconds = 8 * 60 * 60;
/** The cookie itself lives a week, so an ended sign-in still says whose it was. */
const cookieSeconds = 7 * 24 * 60 * 60;

declare module 'fastify' {
  interface FastifyInstance {
    /** Sign-ins that were signed out before their cookie expires (kept for the cookie's lifetime, in the store). */
    revokedSessions: RevokedSessions;
  }
}

/** Where sign-outs are kept across restarts (the runtime's settings). */
export interface SignOutStore {
  signOuts(): Promise<Record<string, number>>;
  recordSignOut(sid: string, until: number): Promise<void>;
  /** A shared store: sign-outs another server stored, learned as they come (each time the whole list). */
  onSignOutsLearned?(listener: (all: Record<string, number>) => void): void;
}

/**
 * The session lives in the cookie, so signing out also remembers the sign-in's id until the cookie would have expired.
 * Read from the store at start and written there on every sign-out, so a restart does not make an old cookie work.
 */
export class RevokedSessions {
  private readonly until = new Map<string, number>();

  constructor(private readonly store: SignOutStore) {}

  async load(): Promise<void> {
    this.learn(await this.store.signOuts());
    // On a shared store another server's sign-out holds here from the next request on.
    this.store.onSignOutsLearned?.((all) => this.learn(all));
  }

  private learn(all: Record<string, number>): void {
    for (const [sid, expires] of Object.entries(all)) if (Number.isFinite(expires)) this.until.set(sid, Math.max(expires, this.until.get(sid) ?? 0));
  }

  /** Resolves once the sign-out is stored; until then the caller has not signed out. */
  async revoke(sid: string): Promise<void> {
    const expires = Date.now() + cookieSeconds * 1000;
    this.until.set(sid, expires);
    for (const [id, at] of this.until) if (at < Date.now()) this.until.delete(id);
    await this.store.recordSignOut(sid, expires);
  }

  isRevoked(sid: string | undefined): boolean {
    return sid === undefined || (this.until.get(sid) ?? 0) > Date.now();
  }
}

type SessionReader = { get(key: 'username' | 'sid'): string | undefined; get(key: 'signedInUntil'): number | undefined };

/** The session's user and whether the sign-in still holds; undefined when it names nobody or was signed out. */
function sessionUser(request: import('fastify').FastifyRequest): { username: string; current: boolean } | undefined {
  const session = (request as { session?: SessionReader }).session;
  const username = session?.get('username');
  if (!username || request.server.revokedSessions.isRevoked(session?.get('sid'))) return undefined;
  const until = session?.get('signedInUntil');
  return { username, current: typeof until === 'number' && until > Date.now() };
}

/** The signed-in user of the request's session, unless it was signed out or the sign-in has run out. */
export function sessionUsername(request: import('fastify').FastifyRequest): string | undefined {
  const user = sessionUser(request);
  return user?.current ? user.username : undefined;
}

/** Whose sign-in ran out, when the session still says it (for keeping a form they sent too late). */
export function expiredSessionUsername(request: import('fastify').FastifyRequest): string | undefined {
  const user = sessionUser(request);
  return user && !user.current ? user.username : undefined;
}

/** When the request's sign-in ends, for the page's warning; null when not signed in. */
export function signedInUntil(request: import('fastify').FastifyRequest): number | null {
  const until = (request as { session?: SessionReader }).session?.get('signedInUntil');
  return typeof until === 'number' ? until : null;
}

export const sessionPlugin = sharedPlugin<SessionOptions>('session', async (app, options) => {
  const revoked = new RevokedSessions(options.signOuts);
  await revoked.load();
  app.decorate('revokedSessions', revoked);
  await app.register(secureSession, {
    key: await sessionKey(options),
    // __Host- binds the cookie to this host and path /, and requires Secure.
    cookieName: options.cookieSecure ? '__Host-boendekoordination' : 'boendekoordination',
    expiry: cookieSeconds,
    cookie: { path: '/', httpOnly: true, secure: options.cookieSecure, sameSite: 'lax', maxAge: cookieSeconds },
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
