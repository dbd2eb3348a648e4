// `npm run users`: the municipality's own users, added with a password from standard input, listed, given other
// roles and removed; a running server without demo users lets them in (and out) within a second.
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../web/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({ env: { DEMO: '0' } });
});
afterEach(() => t.close());

/** Runs the command as `npm run users -- …` would, with `input` on standard input. */
function users(args: string[], input = ''): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/users.ts', ...args], { env: { ...process.env, DATA_DIR: t.dataDir } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: out.trim(), err: err.trim() }));
    child.stdin.end(input);
  });
}

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
const ask = (name: string, password: string) => t.app.inject({ method: 'GET', url: '/api/processes', headers: { authorization: basic(name, password) } });
const aSecond = () => new Promise((r) => setTimeout(r, 1100));

describe('npm run users', () => {
  test('when a user is added with roles and units, then they sign in, are listed without their hash, and the file is readable only by its owner', async () => {
    // when
    const added = await users(['add', 'Anna.Berg', '--roles', 'enhetschef', '--units', 'solbacken', '--name', 'Anna Berg'], 'ett-langt-losenord\n');
    const listed = await users(['list']);
    await aSecond();
    const signedIn = await ask('anna.berg', 'ett-langt-losenord');
    // then
    expect(added).toMatchObject({ code: 0, out: 'Användaren anna.berg är tillagd med rollerna enhetschef.' });
    expect(listed.out).toBe('anna.berg\tAnna Berg\tenhetschef\tsolbacken');
    expect(listed.out).not.toContain('argon2');
    expect(signedIn.statusCode).toBe(200);
    expect((await stat(path.join(t.dataDir, 'users.json'))).mode & 0o777).toBe(0o600);
  });

  test('when roles are changed and the user removed, then the server follows; bad input is refused with a message and changes nothing', async () => {
    // given
    await users(['add', 'bo', '--roles', 'arbetsterapeut'], 'ett-langt-losenord\n');
    // when
    const shortPassword = await users(['add', 'cia', '--roles', 'admin'], 'kort\n');
    const unknownRole = await users(['set-roles', 'bo', 'chef']);
    const changed = await users(['set-roles', 'bo', 'arbetsterapeut,boendeteam-chef']);
    await aSecond();
    const team = await t.app.inject({ method: 'GET', url: '/api/tasks', headers: { authorization: basic('bo', 'ett-langt-losenord') } });
    const removed = await users(['remove', 'bo']);
    await aSecond();
    const after = await ask('bo', 'ett-langt-losenord');
    // then
    expect(shortPassword).toMatchObject({ code: 2, err: 'Lösenordet ska ha minst 12 tecken (läses från standard in).' });
    expect(unknownRole).toMatchObject({ code: 2, err: 'Okända roller: chef.' });
    expect(changed.out).toBe('Användaren bo har nu rollerna arbetsterapeut, boendeteam-chef.');
    expect(team.statusCode).toBe(200);
    expect(removed.out).toBe('Användaren bo är borttagen.');
    expect(after.statusCode).toBe(401);
    expect((await users(['list'])).out).toBe('Inga användare.');
  });
});
