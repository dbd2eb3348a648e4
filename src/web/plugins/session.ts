// Sign-in sessions in an encrypted, httpOnly, SameSite=Strict cookie; the key comes from SESSION_KEY or DATA_DIR.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import secureSession from '@fastify/secure-session';
import { sharedPlugin } from './shared-plugin.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    username: string;
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

export const sessionPlugin = sharedPlugin<SessionOptions>('session', async (app, options) => {
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
