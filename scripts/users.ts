// `npm run users -- add <name> --roles a,b [--units x,y] [--name "Förnamn Efternamn"]` (the password is read from
// standard input), `list`, `remove <name>`, `set-roles <name> a,b`: the municipality's own users in
// DATA_DIR/users.json. A running server sees the change within a second; no password or hash is ever printed.
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { hashPassword, isRole, normalizeUsername, readUserFile, roleNames, usernamePattern, usersFilePath, writeUserFile, type StoredUser } from '../src/auth/index.js';

const minPasswordLength = 12;
const usage = `Användning:
  npm run users -- add <namn> --roles roll1,roll2 [--units enhet1,enhet2] [--name "Visningsnamn"]   (lösenordet läses från standard in)
  npm run users -- list
  npm run users -- remove <namn>
  npm run users -- set-roles <namn> roll1,roll2
Roller: ${Object.keys(roleNames).join(', ')}`;

class UsageError extends Error {}

function listOf(text: string | undefined, what: string): string[] {
  const items = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!items.length) throw new UsageError(`Ange minst en ${what}.`);
  return items;
}

function rolesOf(text: string | undefined): StoredUser['roles'] {
  const roles = listOf(text, 'roll');
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) throw new UsageError(`Okända roller: ${unknown.join(', ')}.`);
  return roles as StoredUser['roles'];
}

function usernameOf(text: string | undefined): string {
  const name = normalizeUsername(text ?? '');
  if (!usernamePattern.test(name)) throw new UsageError('Användarnamnet ska vara 2–64 tecken: a–z, 0–9, punkt, bindestreck eller understreck.');
  return name;
}

async function readPassword(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const password = text.replace(/\r?\n$/, '');
  if (password.length < minPasswordLength) throw new UsageError(`Lösenordet ska ha minst ${minPasswordLength} tecken (läses från standard in).`);
  return password;
}

async function main(argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { roles: { type: 'string' }, units: { type: 'string' }, name: { type: 'string' } } });
  const [command, ...rest] = positionals;
  const dataDir = process.env.DATA_DIR ?? './data';
  const file = usersFilePath(dataDir);
  const users = readUserFile(file);
  const find = (name: string) => users.find((u) => u.username === name);
  switch (command) {
    case 'add': {
      const username = usernameOf(rest[0]);
      if (find(username)) throw new UsageError(`Användaren ${username} finns redan.`);
      const roles = rolesOf(values.roles);
      const units = values.units ? listOf(values.units, 'enhet') : [];
      const passwordHash = await hashPassword(await readPassword());
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      await writeUserFile(file, [...users, { username, name: values.name?.trim() || username, roles, units, passwordHash }]);
      return `Användaren ${username} är tillagd med rollerna ${roles.join(', ')}.`;
    }
    case 'list':
      return users.length ? users.map((u) => `${u.username}\t${u.name}\t${u.roles.join(',')}\t${u.units.join(',') || '–'}`).join('\n') : 'Inga användare.';
    case 'remove': {
      const username = usernameOf(rest[0]);
      if (!find(username)) throw new UsageError(`Användaren ${username} finns inte.`);
      await writeUserFile(file, users.filter((u) => u.username !== username));
      return `Användaren ${username} är borttagen.`;
    }
    case 'set-roles': {
      const username = usernameOf(rest[0]);
      const roles = rolesOf(rest[1] ?? values.roles);
      if (!find(username)) throw new UsageError(`Användaren ${username} finns inte.`);
      await writeUserFile(file, users.map((u) => (u.username === username ? { ...u, roles } : u)));
      return `Användaren ${username} har nu rollerna ${roles.join(', ')}.`;
    }
    default:
      throw new UsageError(usage);
  }
}

main(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: Error) => {
    console.error(error instanceof UsageError ? error.message : `Fel: ${error.message}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
