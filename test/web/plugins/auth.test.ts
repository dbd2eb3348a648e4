// Tests of HTTP Basic authentication on /api routes, the sign-in cache and role checks, on a bare Fastify app.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createUserDirectory, type UserDirectory } from '../../../src/auth/users.js';
import { actorOf, authPlugin, requireRole } from '../../../src/web/plugins/auth.js';
import { errorHandlerPlugin } from '../../../src/web/plugins/error-handler.js';
import { basic } from '../basic-auth.js';

let demoUsers: UserDirectory;
let app: FastifyInstance;

beforeAll(async () => {
  demoUsers = await createUserDirectory({ demo: true });
});

afterEach(async () => {
  await app?.close();
});

/** A bare app with the auth plugin and three routes: who am I, a processagare-only action, and a public page. */
async function appWith(users: UserDirectory): Promise<FastifyInstance> {
  const instance = Fastify({ logger: false });
  await instance.register(errorHandlerPlugin);
  await instance.register(authPlugin, { users });
  instance.get('/api/me', async (request) => actorOf(request));
  instance.post('/api/deploy', { onRequest: requireRole('processagare') }, async () => ({ deployed: true }));
  instance.get('/open', async (request) => ({ actor: request.actor }));
  await instance.ready();
  return instance;
}

/** Wraps a directory to count how often a password is really checked. */
function counting(users: UserDirectory) {
  const counter = { checks: 0 };
  const directory: UserDirectory = {
    find: (username) => users.find(username),
    withRole: (role) => users.withRole(role),
    authenticate: async (username, password) => {
      counter.checks += 1;
      return users.authenticate(username, password);
    },
  };
  return { directory, counter };
}

describe('authPlugin', () => {
  test('when an /api route is called without credentials, then 401 with the challenge and the error body', async () => {
    // given
    app = await appWith(demoUsers);

    // when
    const response = await app.inject({ method: 'GET', url: '/api/me' });

    // then
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Basic realm="Boendekoordination", charset="UTF-8"');
    expect(response.json()).toEqual({ error: 'unauthorized', message: expect.any(String) });
  });

  test.each([
    ['a wrong password', basic('enhetschef', 'fel')],
    ['an unknown user', basic('okand')],
    ['a header that is not base64', 'Basic !!!'],
    ['another scheme', 'Bearer abc'],
  ])('when the request carries %s, then 401', async (_situation, authorization) => {
    // given
    app = await appWith(demoUsers);

    // when
    const response = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization } });

    // then
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toContain('Basic realm="Boendekoordination"');
    expect(response.json().error).toBe('unauthorized');
  });

  test('when the credentials are right, then the route sees the actor with its roles', async () => {
    // given
    app = await appWith(demoUsers);

    // when
    const response = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: basic('enhetschef') } });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ username: 'enhetschef', roles: ['enhetschef'], units: [] });
  });

  test('when the path is percent-encoded, then the /api route still needs a user', async () => {
    // given
    app = await appWith(demoUsers);

    // when
    const response = await app.inject({ method: 'GET', url: '/%61pi/me' });

    // then
    expect(response.statusCode).toBe(401);
  });

  test('when a route is outside /api, then it needs no user and has no actor', async () => {
    // given
    app = await appWith(demoUsers);

    // when
    const response = await app.inject({ method: 'GET', url: '/open' });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ actor: null });
  });

  test('when the same right credentials come again, then the slow password check runs only once', async () => {
    // given
    const { directory, counter } = counting(demoUsers);
    app = await appWith(directory);
    const headers = { authorization: basic('admin') };

    // when
    const first = await app.inject({ method: 'GET', url: '/api/me', headers });
    const second = await app.inject({ method: 'GET', url: '/api/me', headers });

    // then
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(counter.checks).toBe(1);
  });

  test('when wrong credentials come again, then they are checked again (failures are never remembered)', async () => {
    // given
    const { directory, counter } = counting(demoUsers);
    app = await appWith(directory);
    const headers = { authorization: basic('admin', 'gissning') };

    // when
    await app.inject({ method: 'GET', url: '/api/me', headers });
    const second = await app.inject({ method: 'GET', url: '/api/me', headers });

    // then
    expect(second.statusCode).toBe(401);
    expect(counter.checks).toBe(2);
  });

  test('when a remembered user has a different password, then that password is checked and refused', async () => {
    // given
    const { directory, counter } = counting(demoUsers);
    app = await appWith(directory);
    await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: basic('admin') } });

    // when
    const response = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: basic('admin', 'demo2') } });

    // then
    expect(response.statusCode).toBe(401);
    expect(counter.checks).toBe(2);
  });
});

describe('requireRole', () => {
  test('when the user lacks the role, then 403 forbidden and the action does not run', async () => {
    // given
    app = await appWith(demoUsers);

    // when
    const response = await app.inject({ method: 'POST', url: '/api/deploy', headers: { authorization: basic('enhetschef') } });

    // then
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: 'forbidden', message: expect.any(String) });
  });

  test.each(['processagare', 'admin'])('when the user is %s, then the action runs', async (username) => {
    // given
    app = await appWith(demoUsers);

    // when
    const response = await app.inject({ method: 'POST', url: '/api/deploy', headers: { authorization: basic(username) } });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ deployed: true });
  });
});
