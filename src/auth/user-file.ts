// The municipality's own users, kept in DATA_DIR/users.json by `npm run users` (never committed, mode 0600): name,
// display name, roles, units and an Argon2id hash. Written whole through a temporary file and a rename, so a reader
// never sees half a file.
import { readFileSync, statSync } from 'node:fs';
import { chmod, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { allRoles } from './roles.js';

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/;

const StoredUserSchema = z.object({
  username: z.string().regex(usernamePattern),
  name: z.string().min(1).max(200),
  roles: z.array(z.enum(allRoles)).min(1),
  units: z.array(z.string().min(1).max(100)),
  passwordHash: z.string().startsWith('$argon2id$'),
});
const UserFileSchema = z.object({ users: z.array(StoredUserSchema) });

export type StoredUser = z.infer<typeof StoredUserSchema>;

export function usersFilePath(dataDir: string): string {
  return path.join(dataDir, 'users.json');
}

/**
 * The users in the file; none when there is no file. A file that does not parse stops the caller (a setup error).
 * Read at once: the file is small, and the directory reads it again only when it changed.
 */
export function readUserFile(file: string): StoredUser[] {
  try {
    return parseUsers(file, readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function parseUsers(file: string, text: string): StoredUser[] {
  const parsed = UserFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`Användarfilen ${file} kan inte läsas: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.users;
}

/** Written whole through a temporary file (0600) and a rename, so a crash never leaves half a file; OIDC users too. */
export async function writeUserFile(file: string, users: readonly StoredUser[] | readonly object[]): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/** When the file last changed (0 when there is none), so a running server picks up what `npm run users` did. */
export function userFileVersion(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
