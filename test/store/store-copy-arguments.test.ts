// The arguments of `npm run store:copy`: what is accepted, what is refused and that no refusal repeats a value.
import { describe, expect, test } from 'vitest';
import { CopyUsageError, parseCopyArguments } from '../../src/store/copy/copy-arguments.js';

const password = 'Hemligt-lösen-42';
const url = `postgres://kopia:${password}@db.kommun.se:5432/boende`;

function refusal(argv: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    parseCopyArguments(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(CopyUsageError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('store:copy arguments', () => {
  test('when only the direction is given, then the data directory and the database come from DATA_DIR and DATABASE_URL', () => {
    // when
    const args = parseCopyArguments(['--from', 'lowdb', '--to', 'postgres'], { DATA_DIR: '/srv/boende', DATABASE_URL: url });
    // then
    expect(args).toEqual({ from: 'lowdb', to: 'postgres', dataDir: '/srv/boende', databaseUrl: url });
  });

  test('when the options are given, then they win over the environment, and without DATA_DIR the directory is ./data', () => {
    // when
    const given = parseCopyArguments(['--from=lowdb', '--to=postgres', '--data-dir', '/tmp/d', '--database-url', url], { DATA_DIR: '/srv/x', DATABASE_URL: 'postgres://other/db' });
    const defaulted = parseCopyArguments(['--from', 'lowdb', '--to', 'postgres'], { DATABASE_URL: url });
    // then
    expect(given).toMatchObject({ dataDir: '/tmp/d', databaseUrl: url });
    expect(defaulted.dataDir).toBe('./data');
  });

  test.each([
    ['another direction', ['--from', 'postgres', '--to', 'lowdb', '--database-url', url], '--from: bara --from lowdb --to postgres går att kopiera'],
    ['an unknown store', ['--from', 'lowdb', '--to', 'mysql', '--database-url', url], '--to: ska vara lowdb eller postgres'],
    ['no direction', ['--database-url', url], '--from: ska vara lowdb eller postgres'],
    ['no database', ['--from', 'lowdb', '--to', 'postgres'], '--database-url: --database-url (eller DATABASE_URL) saknas'],
    ['an address that is not postgres://', ['--from', 'lowdb', '--to', 'postgres', '--database-url', `mysql://u:${password}@db/x`], '--database-url: databasens adress (värdet visas inte) ska vara postgres://'],
    ['the address without its option', ['--from', 'lowdb', '--to', 'postgres', url], 'Okänt eller ofullständigt argument.'],
    ['an unknown option holding the address', ['--from', 'lowdb', '--to', 'postgres', `--url=${url}`], 'Okänt eller ofullständigt argument.'],
  ])('when the arguments hold %s, then they are refused with what is wrong and the usage, never the value', (_, argv, message) => {
    // when
    const text = refusal(argv);
    // then
    expect(text).toContain(message);
    expect(text).toContain('Användning:');
    expect(text).not.toContain(password);
  });
});
