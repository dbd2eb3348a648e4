// Unit tests of reading the configuration from the environment.
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  test('when nothing is set, then the defaults of API.md apply and demo data is on', () => {
    // given
    const env = {};

    // when
    const config = loadConfig(env);

    // then
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      store: { kind: 'lowdb' },
      clock: 'system',
      demo: true,
      processesDir: './processes',
      ivoConfigFile: './config/ivo.json',
      gallringConfigFile: './config/gallring.json',
      logLevel: 'info',
      bpmnMaxBytes: 1024 * 1024,
      cookieSecure: true,
      sessionKey: null,
    });
  });

  test('when NODE_ENV is production, then demo data is off unless DEMO=1', () => {
    // given
    const production = { NODE_ENV: 'production' };

    // when
    const withoutDemo = loadConfig(production);
    const withDemo = loadConfig({ ...production, DEMO: '1' });

    // then
    expect(withoutDemo.demo).toBe(false);
    expect(withDemo.demo).toBe(true);
  });

  test('when values are given, then they are used and blank ones fall back to the default', () => {
    // given
    const env = { PORT: '8080', HOST: '0.0.0.0', CLOCK: 'manual', DEMO: '0', BPMN_MAX_BYTES: '4096', LOG_LEVEL: '' };

    // when
    const config = loadConfig(env);

    // then
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', clock: 'manual', demo: false, bpmnMaxBytes: 4096, logLevel: 'info' });
  });

  test('when values are bad, then it throws one error that names every bad variable', () => {
    // given
    const env = { PORT: 'tretusen', CLOCK: 'fast', DEMO: 'yes', LOG_LEVEL: 'loud', BPMN_MAX_BYTES: '-1' };

    // when
    const error = catchError(() => loadConfig(env));

    // then
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'CLOCK', 'DEMO', 'LOG_LEVEL', 'BPMN_MAX_BYTES']) expect(problems).toContain(`${name}=`);
  });

  test('when the port is out of range, then the message says the allowed range', () => {
    // given
    const env = { PORT: '70000' };

    // when
    const error = catchError(() => loadConfig(env));

    // then
    expect((error as ConfigError).message).toContain('PORT måste ligga mellan 0 och 65535');
  });
});

describe('loadConfig of the store', () => {
  test('when STORE=postgres and DATABASE_URL are set, then the PostgreSQL store is chosen with that URL', () => {
    // given
    const env = { STORE: 'postgres', DATABASE_URL: 'postgresql://boende:hemligt@db.kommun.se:5432/boende' };

    // when
    const config = loadConfig(env);

    // then
    expect(config.store).toEqual({ kind: 'postgres', databaseUrl: 'postgresql://boende:hemligt@db.kommun.se:5432/boende' });
  });

  test('when STORE is neither lowdb nor postgres, then the boot stops with a message naming both', () => {
    // given
    const env = { STORE: 'mysql' };

    // when
    const error = catchError(() => loadConfig(env));

    // then
    expect((error as ConfigError).message).toContain('STORE="mysql": STORE måste vara lowdb eller postgres.');
  });

  test('when STORE=postgres has no DATABASE_URL, then the boot stops and says it is needed', () => {
    // given
    const env = { STORE: 'postgres' };

    // when
    const error = catchError(() => loadConfig(env));

    // then
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('DATABASE_URL="": behövs med STORE=postgres');
  });

  test('when DATABASE_URL is not a postgres address, then the message says so without repeating the value and its password', () => {
    // given
    const env = { STORE: 'postgres', DATABASE_URL: 'mysql://boende:hemligt@db.kommun.se/boende' };

    // when
    const error = catchError(() => loadConfig(env));

    // then
    const message = (error as ConfigError).message;
    expect(message).toContain('DATABASE_URL=(värdet visas inte): DATABASE_URL måste vara en adress postgres://');
    expect(message).not.toContain('hemligt');
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
