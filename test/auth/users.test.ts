// Unit tests of password hashing and the local user directory (demo users).
import { describe, expect, test } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/auth/password.js';
import { allRoles } from '../../src/auth/roles.js';
import { createUserDirectory, demoPassword } from '../../src/auth/users.js';

describe('password', () => {
  test('when a password is hashed, then it is argon2id and only the same password verifies', async () => {
    // given
    const stored = await hashPassword('hemligt lösenord');

    // when
    const right = await verifyPassword(stored, 'hemligt lösenord');
    const wrong = await verifyPassword(stored, 'Hemligt lösenord');

    // then
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(right).toBe(true);
    expect(wrong).toBe(false);
  });

  test('when the stored hash is not a hash, then verification fails instead of throwing', async () => {
    // given
    const broken = 'inte-en-hash';

    // when
    const result = await verifyPassword(broken, 'demo');

    // then
    expect(result).toBe(false);
  });
});

describe('createUserDirectory', () => {
  test('when demo is on, then each role has a user named after it with only that role and password demo', async () => {
    // given
    const users = await createUserDirectory({ demo: true });

    // when
    const actors = await Promise.all(allRoles.map((role) => users.authenticate(role, demoPassword)));

    // then
    expect(actors).toEqual(allRoles.map((role) => ({ username: role, roles: [role], units: [] })));
    expect(users.find('admin')).toEqual({ username: 'admin', roles: ['admin'], units: [] });
  });

  test('when the password is wrong or the user unknown, then authentication fails', async () => {
    // given
    const users = await createUserDirectory({ demo: true });

    // when
    const wrongPassword = await users.authenticate('enhetschef', 'fel');
    const unknownUser = await users.authenticate('okänd', demoPassword);

    // then
    expect(wrongPassword).toBeNull();
    expect(unknownUser).toBeNull();
    expect(users.find('okänd')).toBeNull();
  });

  test('when demo is off, then there are no users at all', async () => {
    // given
    const users = await createUserDirectory({ demo: false });

    // when
    const admin = await users.authenticate('admin', demoPassword);

    // then
    expect(admin).toBeNull();
    expect(users.find('admin')).toBeNull();
  });
});
